package dev.weft.scheduler.runtime;

import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.threads.Handoff;
import dev.weft.scheduler.threads.TurnSpin;
import java.util.concurrent.TimeUnit;

/**
 * Runs one execution at a time: starts its first controlled thread, waits for it to end or for its
 * deadline, then ends every thread it left behind before returning, so nothing leaks into the next
 * execution.
 *
 * <pre>
 *   caller ──start──► T0 ──start──► T1 ...   (exactly one holds the turn)
 *     │                    │
 *     └◄─── end (passed, failure, deadlock, livelock, divergence) or deadline (stuck)
 *     └──► unwind leftovers, join them, return the result
 * </pre>
 */
public final class Scheduler {
  private static final Object ONE_AT_A_TIME = new Object();
  private static final long RELEASE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
  /**
   * How often the caller looks for a controlled thread blocked inside the JVM ({@link
   * Execution#watch}): what it finds does not depend on when it looks, only how soon.
   */
  private static final long WATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private Scheduler() {}

  /**
   * Runs {@code task} once under {@code strategy}. The calling thread only waits; it is never
   * controlled.
   */
  public static ExecutionResult execute(
      ExecutionConfig config, Strategy strategy, long seed, Task task) {
    synchronized (ONE_AT_A_TIME) {
      JdkWarmup.ensureDone();
      strategy.beginExecution(seed);
      Execution execution = new Execution(config, strategy, Thread.currentThread());
      ControlledThread main = execution.createMainThread(task);
      Execution.activate(execution);
      TurnSpin.executionStarted();
      try {
        main.thread.start();
        // An interrupt of the caller (a test framework's timeout, say) must not turn this wait
        // into a busy loop: park returns at once while the flag is set. Keep it for the caller.
        boolean interrupted = Thread.interrupted();
        // The timeout bounds how long the turn may stay away from the scheduler, not the whole
        // execution: a long but live execution (a first use of a large library, every class of
        // it loaded and rewritten, on a busy machine) is bounded by its step limit instead.
        int stepsSeen = execution.stepsSoFar();
        long deadline = System.nanoTime() + config.timeoutNanos();
        while (!execution.isEnded()) {
          int steps = execution.stepsSoFar();
          if (steps != stepsSeen) {
            stepsSeen = steps;
            deadline = System.nanoTime() + config.timeoutNanos();
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            execution.endStuck();
            break;
          }
          Handoff.park(Math.min(left, WATCH_NANOS));
          interrupted |= Thread.interrupted();
          execution.watch();
        }
        ExecutionResult result = execution.result(!release(execution));
        if (interrupted) Thread.currentThread().interrupt();
        return result;
      } finally {
        TurnSpin.executionEnded();
        Execution.activate(null);
      }
    }
  }

  /**
   * Wakes every thread the execution left alive so it unwinds (its hooks now throw {@link
   * AbortedExecution}), then waits for all of them to die. Returns false if one would not.
   */
  private static boolean release(Execution execution) {
    execution.pools().shutDown(); // so that no worker is started again for it
    execution.sockets().groups().stopPool();
    ControlledThread[] threads = execution.threads();
    for (ControlledThread t : threads) {
      if (t.thread.isAlive()) {
        Handoff.unpark(t.thread, null);
        t.thread.interrupt();
      }
    }
    long deadline = System.nanoTime() + RELEASE_TIMEOUT_NANOS;
    boolean interrupted = false;
    boolean allDead = true;
    for (ControlledThread t : threads) {
      while (t.thread.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          allDead = false;
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedJoin(t.thread, left);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    execution.carriers().restore();
    execution.sockets().groups().closeDefaultGroup();
    if (interrupted) Thread.currentThread().interrupt();
    return allDead;
  }
}
