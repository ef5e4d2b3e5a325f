package dev.weft.agent.rules;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Base of the call-site rules: knows the source line of the instruction being visited and emits
 * calls to the scheduler's hooks ({@link HookOwners}). Instructions a rule emits go to the next visitor in the chain, so no
 * rule ever rewrites its own output.
 */
abstract class HookMethodVisitor extends MethodVisitor {
  static final String OBJECT = "Ljava/lang/Object;";
  static final String THREAD = "Ljava/lang/Thread;";

  final RuleContext context;
  final String methodName;
  private int line = -1;

  HookMethodVisitor(MethodVisitor next, RuleContext context, String methodName) {
    super(Opcodes.ASM9, next);
    this.context = context;
    this.methodName = methodName;
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    this.line = line;
    super.visitLineNumber(line, start);
  }

  /** The source line of the instruction being visited, or -1. */
  final int line() {
    return line;
  }

  /**
   * Pushes a new site for the current line, then calls the hook, whose descriptor must end with the
   * {@code int site} parameter. The one way every rule reports a site.
   */
  final void invokeHookWithSite(String hook, String descriptor, String detail) {
    int site = context.registerSite(methodName, line, detail);
    if (site >= Byte.MIN_VALUE && site <= Byte.MAX_VALUE) {
      super.visitIntInsn(Opcodes.BIPUSH, site);
    } else if (site >= Short.MIN_VALUE && site <= Short.MAX_VALUE) {
      super.visitIntInsn(Opcodes.SIPUSH, site);
    } else {
      super.visitLdcInsn(site);
    }
    invokeHook(hook, descriptor);
  }

  /** Calls a hook whose arguments are already on the stack. */
  final void invokeHook(String hook, String descriptor) {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, HookOwners.of(hook), hook, descriptor, false);
    context.markChanged();
  }

  /**
   * Replaces a call by a hook taking the same arguments, preceded by the receiver (when {@code
   * receiver} is not null) and followed by the site; the hook returns what the call returned.
   */
  final void replaceByHook(String hook, String receiver, String callDescriptor) {
    int close = callDescriptor.indexOf(')');
    String descriptor =
        "("
            + (receiver == null ? "" : receiver)
            + callDescriptor.substring(1, close)
            + "I"
            + callDescriptor.substring(close);
    invokeHookWithSite(hook, descriptor, null);
  }
}
