package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Calls of {@code System.nanoTime()} and {@code System.currentTimeMillis()}, in application code
 * and in the JDK's concurrency and time classes (whose timed waits compute deadlines with them):
 * replaced by hooks that show controlled threads the execution's virtual clock.
 */
final class TimeCallRule extends HookMethodVisitor {
  TimeCallRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    boolean clock = opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
        && descriptor.equals("()J")
        && (name.equals("nanoTime") || name.equals("currentTimeMillis"));
    if (clock) {
      invokeHook(name, descriptor);
    } else {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }
  }
}
