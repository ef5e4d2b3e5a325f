package dev.weft.agent.rules;

import java.util.ArrayDeque;
import java.util.Deque;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Objects application code creates, and JDK code where {@link JdkRules} says: once constructed,
 * the runtime may choose their identity hash code ({@code allocated}), so that hash tables of such
 * objects iterate in the same order on every run of a schedule.
 *
 * <pre>
 *   new T; dup; args; invokespecial T.&lt;init&gt;
 *     =>  new T; dup; args; invokespecial T.&lt;init&gt;; dup; allocated
 * </pre>
 *
 * Only the {@code new; dup} shape javac emits is recognised: after the constructor, the copy left
 * on the stack is the new object.
 */
final class AllocationRule extends HookMethodVisitor {
  /** One entry per {@code new} whose constructor has not run yet: whether a dup followed it. */
  private final Deque<Boolean> pending = new ArrayDeque<>();
  private boolean afterNew;

  AllocationRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    super.visitTypeInsn(opcode, type);
    if (opcode == Opcodes.NEW) {
      pending.push(Boolean.FALSE);
      afterNew = true;
    } else {
      afterNew = false;
    }
  }

  @Override
  public void visitInsn(int opcode) {
    if (afterNew && opcode == Opcodes.DUP) {
      pending.pop();
      pending.push(Boolean.TRUE);
    }
    afterNew = false;
    super.visitInsn(opcode);
  }

  @Override
  public void visitVarInsn(int opcode, int varIndex) {
    afterNew = false;
    super.visitVarInsn(opcode, varIndex);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    afterNew = false;
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    afterNew = false;
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    // A constructor not paired with a new is super(...) or this(...) on the object being built.
    if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>") && !pending.isEmpty()
        && pending.pop()) {
      super.visitInsn(Opcodes.DUP);
      invokeHook("allocated", "(Ljava/lang/Object;)V");
    }
  }
}
