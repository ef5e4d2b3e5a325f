package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * A hook at a method's entry and another whenever it leaves, by a return or by a throw. Only code
 * is added, so it applies to classes rewritten by retransformation too.
 *
 * <pre>
 *   entry hook
 *   [start] body, with before every return:  exit hook
 *   handler: exit hook; athrow                  catches anything in [start, handler)
 * </pre>
 *
 * The handler goes last in the exception table, so the method's own handlers still come first;
 * its frame holds only {@code this} (nothing for a static method), which the JDK's code never
 * overwrites.
 */
abstract class AroundMethod extends MethodNode {
  private final MethodVisitor next;
  private final RuleContext context;

  AroundMethod(MethodVisitor next, RuleContext context, int access, String name,
      String descriptor, String signature, String[] exceptions) {
    super(Opcodes.ASM9, access, name, descriptor, signature, exceptions);
    this.next = next;
    this.context = context;
  }

  /** The code of the hook at entry ({@code entry}) or of the one on the way out. */
  abstract InsnList hook(boolean entry);

  @Override
  public void visitEnd() {
    for (AbstractInsnNode insn : instructions.toArray()) {
      int opcode = insn.getOpcode();
      if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
        instructions.insertBefore(insn, hook(false));
      }
    }
    LabelNode start = new LabelNode();
    LabelNode handler = new LabelNode();
    InsnList entry = hook(true);
    entry.add(start);
    instructions.insert(entry);
    instructions.add(handler);
    Object[] locals = (access & Opcodes.ACC_STATIC) != 0
        ? new Object[0] : new Object[] {context.className()};
    instructions.add(new FrameNode(Opcodes.F_FULL, locals.length, locals, 1,
        new Object[] {"java/lang/Throwable"}));
    instructions.add(hook(false));
    instructions.add(new InsnNode(Opcodes.ATHROW));
    tryCatchBlocks.add(new TryCatchBlockNode(start, handler, handler, null));
    context.markChanged();
    accept(next);
  }
}
