package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.view.Operation;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The hooks of threads: their start, run and end, and what the program asks of them ({@code join},
 * {@code sleep}, {@code yield}, interrupts, {@code getState}, {@code isAlive}). Part of the bridge
 * instrumented bytecode calls: see {@link WeftHooks} for what every hook does first and how it
 * guards its model code.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class ThreadHooks {
  private ThreadHooks() {}

  // ---- thread lifecycle (from java.lang.Thread and from run() entries of application classes)

  /**
   * Entry of {@code Thread.run()}, of {@code VirtualThread.run(task)} and of every instance {@code
   * run()V} in application classes.
   */
  public static void threadRunEntered() {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "ThreadHooks.threadRunEntered", () -> e.threadRunEntered());
  }

  /**
   * Entry of {@code Thread.exit()}, and the return of {@code VirtualThread.run(task)}: the thread
   * has finished running.
   */
  public static void threadExiting(Thread thread) {
    Execution e = Execution.active();
    if (e == null) return;
    try {
      e.threadExiting(thread);
    } catch (RuntimeException | Error t) {
      Guarded.failedQuietly(e, "ThreadHooks.threadExiting", t);
    }
  }

  /**
   * Entry of {@code Thread.dispatchUncaughtException}. Returns true when Weft handled the throwable
   * (recorded as a failure of the execution), so the default handler must not run.
   */
  public static boolean uncaughtException(Thread thread, Throwable error) {
    Execution e = Execution.active();
    if (e == null) return false;
    try {
      return e.uncaughtException(thread, error);
    } catch (RuntimeException | Error t) {
      Guarded.failedQuietly(e, "ThreadHooks.uncaughtException", t);
      return true; // the execution ended as Weft's failure, which its report names
    }
  }

  /** Entry of {@code Thread.start()}, so threads that JDK code starts (executors) are controlled. */
  public static void threadStarting(Thread thread) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "ThreadHooks.threadStarting", () -> e.beforeStart(thread, -1));
  }

  /**
   * Entry of {@code VirtualThread.start(container)} (JDK 21+), with the scheduler that will carry
   * the thread.
   */
  public static void virtualThreadStarting(Thread thread, Executor scheduler) {
    Execution e = Guarded.enter();
    if (e == null) return;
    Guarded.run(e, "ThreadHooks.virtualThreadStarting", () -> {
      e.beforeStart(thread, -1);
      e.carriers().starting(scheduler);
    });
  }

  /** Before each return of {@code Thread.start()} and {@code VirtualThread.start(container)}. */
  public static void threadStarted(Thread thread) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "ThreadHooks.threadStarted", () -> e.afterStart(thread));
  }

  /** Entry of {@code Thread.interrupt()}; returns true when the model took the interrupt. */
  public static boolean interruptEntered(Thread thread) {
    Execution e = Guarded.enter();
    return e != null
        && Guarded.call(e, "ThreadHooks.interruptEntered",
            () -> e.threadOps().interruptFromJdk(thread));
  }

  /**
   * Entry of {@code Thread.isInterrupted()} and {@code Thread.interrupted()} (which clears): 1 or 0
   * from the model, -1 when the real flag answers.
   */
  public static int interruptStatus(Thread thread, boolean clear) {
    Execution e = Guarded.enter();
    return e == null ? -1 : Guarded.call(e, "ThreadHooks.interruptStatus",
        () -> e.threadOps().interruptStatusFromJdk(thread, clear));
  }

  // ---- threads

  /** Before {@code thread.start()}: a scheduling point, and registers the child as controlled. */
  public static void beforeStart(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "ThreadHooks.beforeStart", () -> e.beforeStart(thread, site));
  }

  /** After {@code thread.start()} returned: waits until the child is parked at its first step. */
  public static void afterStart(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "ThreadHooks.afterStart", () -> e.afterStart(thread));
  }

  /** Replaces {@code thread.join()}. */
  public static void join(Thread thread, int site) throws InterruptedException {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.join",
        () -> e.threadOps().join(thread, -1, site))) {
      thread.join();
    }
  }

  /** Replaces {@code thread.join(millis)}. */
  public static void join(Thread thread, long millis, int site) throws InterruptedException {
    long nanos = Timeouts.untimedIfZero(Timeouts.nanos(millis));
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.join",
        () -> e.threadOps().join(thread, nanos, site))) {
      thread.join(millis);
    }
  }

  /** Replaces {@code thread.join(millis, nanos)}. */
  public static void join(Thread thread, long millis, int nanos, int site)
      throws InterruptedException {
    long timeout = Timeouts.untimedIfZero(Timeouts.nanos(millis, nanos));
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.join",
        () -> e.threadOps().join(thread, timeout, site))) {
      thread.join(millis, nanos);
    }
  }

  /**
   * Replaces {@code thread.join(Duration)} (JDK 19+); returns whether the thread terminated. The
   * uncontrolled path mirrors the JDK's definition, so this compiles against Java 17.
   */
  public static boolean join(Thread thread, Duration duration, int site)
      throws InterruptedException {
    long nanos = Math.max(1, duration.toNanos());
    Execution e = Guarded.enter();
    Boolean finished = e == null ? null : Guarded.call(e, "ThreadHooks.join",
        () -> e.threadOps().join(thread, nanos, site) ? e.threadOps().isFinished(thread) : null);
    if (finished != null) return finished;
    thread.join(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
    return !thread.isAlive();
  }

  /** Replaces {@code Thread.yield()}. */
  public static void yield(int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.yield",
        () -> e.simpleStep(Operation.YIELD, null, site))) {
      Thread.yield();
    }
  }

  /** Replaces {@code Thread.onSpinWait()}. */
  public static void onSpinWait(int site) {
    Execution e = Guarded.enter();
    if (e == null
        || !Guarded.call(e, "ThreadHooks.onSpinWait",
            () -> e.simpleStep(Operation.SPIN_WAIT, null, site))) {
      Thread.onSpinWait();
    }
  }

  /** Replaces {@code Thread.sleep(millis)}. */
  public static void sleep(long millis, int site) throws InterruptedException {
    long nanos = Timeouts.nanos(millis);
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.sleep",
        () -> e.threadOps().sleep(nanos, site))) {
      Thread.sleep(millis);
    }
  }

  /** Replaces {@code Thread.sleep(millis, nanos)}. */
  public static void sleep(long millis, int nanos, int site) throws InterruptedException {
    long total = Timeouts.nanos(millis, nanos);
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.sleep",
        () -> e.threadOps().sleep(total, site))) {
      Thread.sleep(millis, nanos);
    }
  }

  /** Replaces {@code Thread.sleep(Duration)} (JDK 19+). */
  public static void sleep(Duration duration, int site) throws InterruptedException {
    long nanos = Math.max(0, duration.toNanos());
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.sleep", () -> e.threadOps().sleep(nanos, site)))
      Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
  }

  /** Replaces {@code thread.interrupt()}. */
  public static void interrupt(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "ThreadHooks.interrupt",
        () -> e.threadOps().interrupt(thread, site))) {
      thread.interrupt();
    }
  }

  /** Replaces {@code thread.isInterrupted()}. */
  public static boolean isInterrupted(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      int answer = Guarded.call(e, "ThreadHooks.isInterrupted",
          () -> e.threadOps().isInterrupted(thread, false, site));
      if (answer >= 0) return answer == 1;
    }
    return thread.isInterrupted();
  }

  /** Replaces the static {@code Thread.interrupted()}: reads and clears the flag. */
  public static boolean interrupted(int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      int answer = Guarded.call(e, "ThreadHooks.interrupted",
          () -> e.threadOps().isInterrupted(Thread.currentThread(), true, site));
      if (answer >= 0) return answer == 1;
    }
    return Thread.interrupted();
  }

  /** Replaces {@code thread.getState()}: the model's answer for controlled threads. */
  public static Thread.State getState(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      Thread.State answer = Guarded.call(e, "ThreadHooks.getState",
          () -> e.threadOps().getState(thread, site));
      if (answer != null) return answer;
    }
    return thread.getState();
  }

  /** Replaces {@code thread.isAlive()}: the model's answer for controlled threads. */
  public static boolean isAlive(Thread thread, int site) {
    Execution e = Guarded.enter();
    if (e != null) {
      int answer = Guarded.call(e, "ThreadHooks.isAlive",
          () -> e.threadOps().isAlive(thread, site));
      if (answer >= 0) return answer == 1;
    }
    return thread.isAlive();
  }
}
