package dev.weft.agent.rules;

import java.util.Set;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Calls of {@code java.lang.Thread} methods, when the owner named by the call is {@code Thread} or
 * a subclass (read from class files: {@code MyThread.sleep(1)} names {@code MyThread}).
 *
 * <pre>
 *   t.start()          =>  t; dup; dup; site; beforeStart; start; site; afterStart
 *   t.join(...)        =>  ThreadHooks.join(t, ..., site)   also isAlive, interrupt, isInterrupted,
 *                                                         getState
 *   Thread.sleep(...)  =>  ThreadHooks.sleep(..., site)     also yield, onSpinWait, interrupted
 * </pre>
 *
 * The original {@code start} stays (with {@code invokespecial} for {@code super.start()} too: the
 * runtime makes a second {@code beforeStart} for the same thread a no-op). {@code interrupt} and
 * {@code isInterrupted} are not final: through {@code invokespecial} ({@code super.interrupt()} in
 * an override) they are left alone, since the hook's virtual call would re-enter the override.
 */
final class ThreadMethodRule extends HookMethodVisitor {
  private static final String THREAD_CLASS = "java/lang/Thread";
  private static final Set<String> STATIC =
      Set.of(
          "yield()V", "onSpinWait()V", "sleep(J)V", "sleep(JI)V", "sleep(Ljava/time/Duration;)V",
          "interrupted()Z");
  private static final Set<String> FINAL =
      Set.of("join()V", "join(J)V", "join(JI)V", "join(Ljava/time/Duration;)Z", "isAlive()Z");
  private static final Set<String> OVERRIDABLE =
      Set.of("interrupt()V", "isInterrupted()Z", "getState()Ljava/lang/Thread$State;");
  private static final String START_DESCRIPTOR = "(" + THREAD + "I)V";

  ThreadMethodRule(MethodVisitor next, RuleContext context, String methodName) {
    super(next, context, methodName);
  }

  @Override
  public void visitMethodInsn(
      int opcode, String owner, String name, String descriptor, boolean isInterface) {
    String method = name + descriptor;
    boolean isStatic = opcode == Opcodes.INVOKESTATIC;
    boolean candidate =
        isStatic
            ? STATIC.contains(method)
            : method.equals("start()V")
                || FINAL.contains(method)
                || (opcode == Opcodes.INVOKEVIRTUAL && OVERRIDABLE.contains(method));
    if (!candidate || !context.types().isSubclassOf(owner, THREAD_CLASS)) {
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    } else if (method.equals("start()V")) {
      super.visitInsn(Opcodes.DUP);
      super.visitInsn(Opcodes.DUP);
      invokeHookWithSite("beforeStart", START_DESCRIPTOR, null);
      super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      invokeHookWithSite("afterStart", START_DESCRIPTOR, null);
    } else {
      replaceByHook(name, isStatic ? null : THREAD, descriptor);
    }
  }
}
