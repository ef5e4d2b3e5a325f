package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code monitorenter} and {@code monitorexit}. The real monitor is still taken and released: the
 * scheduler only decides when a thread may try to take it, so a thread it does not control stays
 * correct.
 *
 * <pre>
 *   lock; monitorenter  =>  lock; dup; site; monitorEnter(Object,int); monitorenter
 *   lock; monitorexit   =>  lock; dup; monitorexit; site; monitorExit(Object,int)
 * </pre>
 *
 * The exit hook runs after the real release, so the thread the scheduler picks next can take the
 * monitor at once. It lies inside javac's handler range, which is why the hook never throws.
 */
final class MonitorRule extends HookMethodVisitor {
  private static final String DESCRIPTOR = "(" + OBJECT + "I)V";

  MonitorRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.MONITORENTER) {
      super.visitInsn(Opcodes.DUP);
      invokeHookWithSite("monitorEnter", DESCRIPTOR, null);
      super.visitInsn(opcode);
    } else if (opcode == Opcodes.MONITOREXIT) {
      super.visitInsn(Opcodes.DUP);
      super.visitInsn(opcode);
      invokeHookWithSite("monitorExit", DESCRIPTOR, null);
    } else {
      super.visitInsn(opcode);
    }
  }
}
