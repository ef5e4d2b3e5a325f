package dev.weft.agent.rules;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code java.lang.Thread} itself, rewritten by retransformation (it is loaded before any agent),
 * so only code is added, never a member or modifier:
 *
 * <pre>
 *   run()                          entry: threadRunEntered()
 *   exit()                         entry: threadExiting(this)
 *   dispatchUncaughtException(e)   entry: if (uncaughtException(this, e)) return;
 * </pre>
 *
 * These three exist with these descriptors on JDK 17 through 25. Since the early return's target is
 * emitted after the original code, its frame is a full one and no existing frame moves.
 */
final class ThreadLifecycleRule extends ClassVisitor {
  private static final String THREAD_CLASS = "java/lang/Thread";
  private static final String THROWABLE_CLASS = "java/lang/Throwable";
  private final RuleContext context;

  ThreadLifecycleRule(ClassVisitor next, RuleContext context) {
    super(Opcodes.ASM9, next);
    this.context = context;
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    return switch (name + descriptor) {
      case "run()V" -> new RunEntryRule(mv, context, name);
      case "exit()V" -> new ExitRule(mv, context, name);
      case "dispatchUncaughtException(Ljava/lang/Throwable;)V" ->
          new UncaughtRule(mv, context, name);
      default -> mv;
    };
  }

  private static final class ExitRule extends HookMethodVisitor {
    ExitRule(MethodVisitor next, RuleContext context, String methodName) {
      super(next, context, methodName);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 0);
      invokeHook("threadExiting", "(" + THREAD + ")V");
    }
  }

  private static final class UncaughtRule extends HookMethodVisitor {
    private final Label handled = new Label();

    UncaughtRule(MethodVisitor next, RuleContext context, String methodName) {
      super(next, context, methodName);
    }

    @Override
    public void visitCode() {
      super.visitCode();
      super.visitVarInsn(Opcodes.ALOAD, 0);
      super.visitVarInsn(Opcodes.ALOAD, 1);
      invokeHook("uncaughtException", "(" + THREAD + "Ljava/lang/Throwable;)Z");
      super.visitJumpInsn(Opcodes.IFNE, handled);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
      super.visitLabel(handled);
      Object[] locals = {THREAD_CLASS, THROWABLE_CLASS};
      super.visitFrame(Opcodes.F_FULL, locals.length, locals, 0, new Object[0]);
      super.visitInsn(Opcodes.RETURN);
      super.visitMaxs(maxStack, maxLocals);
    }
  }
}
