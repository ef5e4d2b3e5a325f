package dev.weft.explorer.schedule;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The hash of one method's code in a class file: what a schedule records of a method its trace ran,
 * so that an edit elsewhere in the class (another test method, an annotation such as {@code
 * ReplaySchedule}) leaves the schedule valid, and an edit of the method refuses it.
 *
 * <p>The hash covers, for every method of that name (all overloads, as a trace's site names a method
 * by name alone), its access flags, descriptor, instructions with their operands by name (never by
 * constant-pool index, which an edit elsewhere renumbers), exception handlers and line numbers. The
 * line numbers are in because a schedule's steps name lines: code moved to other lines would not
 * replay step for step, so it is refused here with the class named, rather than as a divergence.
 * Annotations, parameter names and local variable names are out: they do not change what runs.
 */
final class MethodHashes {
  private MethodHashes() {}

  /** The hash of the methods named {@code methodName} in {@code classFile}; null when none is. */
  static String of(byte[] classFile, String methodName) {
    Map<String, String> byDescriptor = new TreeMap<>();
    new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor,
          String signature, String[] exceptions) {
        if (!name.equals(methodName)) return null;
        return new Canonical(access, descriptor, byDescriptor);
      }
    }, ClassReader.SKIP_FRAMES);
    if (byDescriptor.isEmpty()) return null;
    return ClassHashes.hash(String.join("\n", byDescriptor.values())
        .getBytes(StandardCharsets.UTF_8));
  }

  /** Writes one method's code as text with no constant-pool index in it, one line an item. */
  private static final class Canonical extends MethodVisitor {
    private final String descriptor;
    private final Map<String, String> into;
    private final StringBuilder text = new StringBuilder();
    /** Labels by the order they are first met, so the text names them the same in every file. */
    private final Map<Label, Integer> labels = new IdentityHashMap<>();

    Canonical(int access, String descriptor, Map<String, String> into) {
      super(Opcodes.ASM9);
      this.descriptor = descriptor;
      this.into = into;
      // Synthetic and bridge flags included: they change what calls the method.
      text.append("method ").append(access).append(' ').append(descriptor).append('\n');
    }

    private StringBuilder item(Object... parts) {
      for (Object part : parts) {
        text.append(part instanceof Label l ? "L" + labels.computeIfAbsent(l, k -> labels.size())
            : part instanceof Object[] array ? Arrays.deepToString(array)
            : part instanceof Handle h ? h.getTag() + " " + h.getOwner() + "." + h.getName()
                + h.getDesc() + (h.isInterface() ? " itf" : "")
            : String.valueOf(part)).append(' ');
      }
      return text.append('\n');
    }

    @Override
    public void visitInsn(int opcode) {
      item(opcode);
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
      item(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
      item(opcode, varIndex);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      item(opcode, type);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String desc) {
      item(opcode, owner, name, desc);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String desc,
        boolean isInterface) {
      item(opcode, owner, name, desc, isInterface);
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String desc, Handle bootstrap,
        Object... arguments) {
      item("indy", name, desc, bootstrap, arguments);
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
      item(opcode, label);
    }

    @Override
    public void visitLabel(Label label) {
      item("label", label);
    }

    @Override
    public void visitLdcInsn(Object value) {
      item("ldc", value.getClass().getSimpleName(), value instanceof Handle ? value
          : value.toString());
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
      item("iinc", varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
      item("tableswitch", min, max, dflt, targets.length);
      for (Label target : targets) item("case", target);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
      item("lookupswitch", dflt, Arrays.toString(keys));
      for (Label target : targets) item("case", target);
    }

    @Override
    public void visitMultiANewArrayInsn(String desc, int dimensions) {
      item("multianewarray", desc, dimensions);
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      item("try", start, end, handler, type);
    }

    @Override
    public void visitLineNumber(int line, Label start) {
      item("line", line, start);
    }

    @Override
    public void visitEnd() {
      into.put(descriptor, text.toString());
    }
  }
}
