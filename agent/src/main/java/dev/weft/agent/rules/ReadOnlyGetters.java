package dev.weft.agent.rules;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The getters of one class that a section may call and still only read ({@link ReadOnlySections}):
 * methods of the class itself that no override can replace (private, static, final, or of a final
 * class), not synchronized, with no handler, whose every instruction only reads, as a section's
 * must, or returns. A call of one from that class runs exactly that code, which writes nothing;
 * what it may throw goes to the section's handlers like anything else inside.
 *
 * <p>Found from the class file as compiled, and only when a section calls a method of its own
 * class, so classes without such a section do not pay for a second parse.
 */
final class ReadOnlyGetters {
  private final byte[] classFile;
  /** {@code name + descriptor} of each such getter; null until a section asks. */
  private Set<String> getters;

  ReadOnlyGetters(byte[] classFile) {
    this.classFile = classFile;
  }

  /** Whether {@code call}, made from a method of class {@code className}, calls such a getter. */
  boolean isGetter(MethodInsnNode call, String className) {
    if (!call.owner.equals(className) || call.getOpcode() == Opcodes.INVOKEINTERFACE) return false;
    if (getters == null) getters = find();
    return getters.contains(call.name + call.desc);
  }

  private Set<String> find() {
    ClassNode type = new ClassNode();
    new ClassReader(classFile).accept(type, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    boolean finalClass = (type.access & Opcodes.ACC_FINAL) != 0;
    Set<String> found = new HashSet<>();
    for (MethodNode m : type.methods) {
      boolean fixed = finalClass
          || (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL)) != 0;
      int excluded = Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE;
      if (fixed && (m.access & excluded) == 0 && m.tryCatchBlocks.isEmpty() && onlyReads(m)
          && !m.name.startsWith("<")) {
        found.add(m.name + m.desc);
      }
    }
    return found;
  }

  private static boolean onlyReads(MethodNode m) {
    for (AbstractInsnNode insn : m.instructions) {
      int op = insn.getOpcode();
      boolean returns = op >= Opcodes.IRETURN && op <= Opcodes.RETURN;
      if (!returns && !ReadOnlySections.readsOnly(insn)) return false;
    }
    return true;
  }
}
