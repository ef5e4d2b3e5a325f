package dev.weft.scheduler.runtime;

/**
 * The runtime's side of guarding a hook ({@code dev.weft.scheduler.hooks.Guarded}): which threads
 * enter a hook's model code, and whose is a throwable that escapes it, the program's or Weft's.
 *
 * <p>Some exceptions a hook throws on the program's behalf, as the JDK would have: {@code
 * InterruptedException} from a wait, join or sleep of an interrupted thread, {@code
 * IllegalMonitorStateException} from a wait or notify without the monitor, the {@code IOException}
 * of a socket call. The model throws those deliberately, through {@link #forProgram}, which marks
 * them. Anything else escaping the model (an index out of bounds, a broken invariant) is Weft's
 * failure: the execution ends as {@link Outcome#INTERNAL_ERROR}, never as an exception of the
 * program's thread, whose replay could not reproduce it. Where a throwable was thrown cannot tell
 * the two apart, since the deliberate ones are thrown from Weft's code too; only the mark can.
 *
 * <p>The JDK's own exceptions are never the model's to throw where the real operation would throw
 * them by itself: a hook given a null monitor or thread passes it on to the real operation, which
 * throws its {@code NullPointerException}.
 */
public final class HookGuard {
  private HookGuard() {}

  /**
   * Whether the calling thread is to run a hook's model code in {@code execution}: it is controlled
   * and not already inside Weft's code. It is then marked as inside until {@link #entered}, so
   * that the JDK code run meanwhile (linking the hook's lambda, once per JVM) passes through the
   * hooks it reaches, as Weft's own code does: never the program's steps, and never the same hook
   * again before its lambda is linked. Any other thread's model code would only pass through.
   */
  public static boolean enter(Execution execution) {
    ControlledThread ct = execution.calling();
    if (ct == null || ct.insideHook) return false;
    ct.insideHook = true;
    return true;
  }

  /**
   * The calling thread, which {@link #enter} marked, now runs the hook's model code, until {@link
   * #exited} is given what this returned.
   */
  public static Object entered(Execution execution) {
    ControlledThread ct = execution.calling();
    if (ct != null) {
      ct.insideHook = false;
      ct.modelDepth++;
    }
    return ct;
  }

  /** The hook's model code that {@link #entered} began has ended. */
  public static void exited(Object token) {
    if (token != null) ((ControlledThread) token).modelDepth--;
  }

  /** Marks {@code thrown} as the exception the calling thread's hook throws for the program. */
  static <X extends Throwable> X forProgram(X thrown) {
    Execution e = Execution.active();
    ControlledThread ct = e == null ? null : e.calling();
    if (ct != null) ct.thrownForProgram = thrown;
    return thrown;
  }

  /**
   * Whether {@code thrown}, which escaped the model code of the hook named {@code hook} on the
   * calling thread, is Weft's own failure. If so, the execution has ended as {@link
   * Outcome#INTERNAL_ERROR}, naming the hook and the thread, and the hook must not pass {@code
   * thrown} to the program: it throws {@link #unwind()} instead, or returns where it must never
   * throw. Otherwise the program gets {@code thrown}.
   *
   * <p>Not Weft's failure: what the model threw for the program, the unwinding of an ended
   * execution, and a stack overflow or an exhausted heap (most likely the program's doing: deep
   * recursion reaches a hook last). The model throws nothing for a thread it does not control (the
   * JDK's own thread unparking a controlled one, say), so whatever escapes it there is Weft's.
   */
  public static boolean blamesWeft(Execution execution, String hook, Throwable thrown) {
    if (thrown instanceof AbortedExecution || thrown instanceof VirtualMachineError) return false;
    ControlledThread ct = execution.calling();
    if (ct != null && ct.thrownForProgram == thrown) {
      ct.thrownForProgram = null;
      return false;
    }
    String whose = ct != null ? ct.displayName() + "'s operation"
        : "the operation of " + Thread.currentThread().getName() + ", a thread it does not control,";
    execution.endInternal("model " + whose + " in the hook " + hook, thrown);
    return true;
  }

  /**
   * Whether the calling thread is controlled in {@code execution}: once Weft's failure ended the
   * execution, such a thread unwinds, and any other goes on with the real operation.
   */
  public static boolean controls(Execution execution) {
    return execution.calling() != null;
  }

  /** What a hook throws once {@link #blamesWeft} ended the execution: the thread unwinds. */
  public static Error unwind() {
    return AbortedExecution.INSTANCE;
  }
}
