package dev.weft.agent.rules;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Entry of an instance {@code run()V}: {@code threadRunEntered()}. A thread subclass that overrides
 * {@code run} never reaches {@code Thread.run}, so its own {@code run} must announce the thread's
 * first step. Other {@code run} methods (a {@code Runnable}'s, called from {@code Thread.run}) call
 * it again; the runtime ignores repeats.
 */
final class RunEntryRule extends HookMethodVisitor {

  RunEntryRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  static boolean appliesTo(int access, String name, String descriptor) {
    return (access & Opcodes.ACC_STATIC) == 0 && name.equals("run") && descriptor.equals("()V");
  }

  /** Called only for methods with code, so abstract and native {@code run}s get nothing. */
  @Override
  public void visitCode() {
    super.visitCode();
    invokeHook("threadRunEntered", "()V");
  }
}
