package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * An instance {@code synchronized} method of a JDK class whose monitor Weft models ({@code
 * Vector.add}): hooks that keep the model in step with the monitor the JVM takes and releases.
 * The class is rewritten by retransformation, so the flag stays (unlike {@link
 * SynchronizedMethodRule}); only code is added.
 *
 * <pre>
 *   this; enteredSynchronized                   first, once the JVM holds the monitor
 *   [start] body, with before every return:  this; exitingSynchronized
 *   handler: this; exitingSynchronized; athrow  catches anything in [start, handler)
 * </pre>
 *
 * The handler goes last in the exception table, so the method's own handlers still come first;
 * its frame holds only {@code this}, which the JDK's code never overwrites.
 */
final class SynchronizedMethodHooks extends MethodNode {
  private static final String HOOK_DESCRIPTOR = "(Ljava/lang/Object;)V";

  private final MethodVisitor next;
  private final RuleContext context;

  SynchronizedMethodHooks(MethodVisitor next, RuleContext context, int access, String name,
      String descriptor, String signature, String[] exceptions) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.next = next;
    this.context = context;
  }

  /** Whether a method with these flags gets the hooks: instance, synchronized, with code. */
  static boolean appliesTo(int access) {
    return (access & Opcodes.ACC_SYNCHRONIZED) != 0
        && (access & (Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT)) == 0;
  }

  @Override
  public void visitEnd() {
    for (AbstractInsnNode insn : instructions.toArray()) {
      int opcode = insn.getOpcode();
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        instructions.insertBefore(insn, hook("exitingSynchronized"));
      }
    }
    LabelNode start = new LabelNode();
    LabelNode handler = new LabelNode();
    InsnList entry = hook("enteredSynchronized");
    entry.add(start);
    instructions.insert(entry);
    instructions.add(handler);
    instructions.add(new FrameNode(Opcodes.F_FULL, 1, new Object[] {context.className()}, 1,
        new Object[] {"java/lang/Throwable"}));
    instructions.add(hook("exitingSynchronized"));
    instructions.add(new InsnNode(Opcodes.ATHROW));
    tryCatchBlocks.add(new TryCatchBlockNode(start, handler, handler, null));
    context.markChanged();
    accept(next);
  }

  private static InsnList hook(String name) {
    InsnList code = new InsnList();
    code.add(new VarInsnNode(Opcodes.ALOAD, 0));
    code.add(new MethodInsnNode(
        Opcodes.INVOKESTATIC, HookMethodVisitor.HOOKS, name, HOOK_DESCRIPTOR, false));
    return code;
  }
}
