package dev.weft.agent.rules;

import java.util.Map;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code Object.wait/notify/notifyAll}, replaced by the matching static hook with the receiver
 * first and the site last. These methods are final in {@code Object}, so the name and descriptor
 * identify them whatever the owner: javac names the receiver's static type, an interface receiver
 * may come as {@code invokeinterface} (JVMS §5.4.3.4 resolves it to {@code Object}), and {@code
 * super.wait()} as {@code invokespecial}.
 */
final class WaitNotifyRule extends HookMethodVisitor {
  /** name + descriptor of the Object method, to the hook that replaces it. */
  private static final Map<String, String> REPLACEMENTS =
      Map.of(
          "wait()V", "waitOn",
          "wait(J)V", "waitOn",
          "wait(JI)V", "waitOn",
          "notify()V", "notifyOne",
          "notifyAll()V", "notifyAll");

  WaitNotifyRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    String hook = opcode == Opcodes.INVOKESTATIC ? null : REPLACEMENTS.get(name + descriptor);
    if (hook == null) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    } else {
      replaceByHook(hook, OBJECT, descriptor);
    }
  }
}
