package dev.weft.agent.rules;

import org.objectweb.asm.ClassVisitor;
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
 * These three exist with these descriptors on JDK 17 through 25. The early return is {@link
 * EntryHook}'s: emitted after the original code, behind a full frame, so no existing frame moves.
 */
final class ThreadLifecycleRule extends ClassVisitor {
  private static final String THREAD_DESCRIPTOR = "Ljava/lang/Thread;";
  private static final String THROWABLE = "Ljava/lang/Throwable;";
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
      case "exit()V" -> new EntryHook(mv, context, access, name, descriptor, "threadExiting",
          THREAD_DESCRIPTOR, EntryHook.Answer.NONE, m -> m.visitVarInsn(Opcodes.ALOAD, 0));
      case "dispatchUncaughtException(Ljava/lang/Throwable;)V" -> new EntryHook(mv, context,
          access, name, descriptor, "uncaughtException", THREAD_DESCRIPTOR + THROWABLE,
          EntryHook.Answer.HANDLED, m -> {
            m.visitVarInsn(Opcodes.ALOAD, 0);
            m.visitVarInsn(Opcodes.ALOAD, 1);
          });
      default -> mv;
    };
  }
}
