package dev.weft.scheduler.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The fork-join common pool as one execution sees it: a fresh pool, made when a controlled thread
 * first reaches for the common pool or for {@code CompletableFuture}'s default executor (a parallel
 * stream, {@code supplyAsync}, {@code ForkJoinPool.commonPool()}). Its workers are controlled and
 * end with the execution (no new one can start for it then: a start from an ended execution's
 * thread fails), so nothing of it outlives the execution. It is not shut down: a class that kept
 * it in a static field during the execution can still use it later, with new workers. The JVM's
 * own common pool, whose workers outlive executions, is never used by controlled threads.
 */
public final class Pools {
  /**
   * The same on every machine, unlike the common pool's (one less than the cores), so that a
   * schedule found on one machine replays on another.
   */
  private static final int PARALLELISM = 2;

  private final Execution execution;
  private ForkJoinPool common;

  Pools(Execution execution) {
    this.execution = execution;
  }

  /** The pool a thread reading the common pool gets: this execution's for controlled threads. */
  public <E extends Executor> E commonPool(E real) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return real;
    if (common == null) {
      ct.insideHook = true; // the pool's constructor is the JDK's business
      try {
        common = new ForkJoinPool(PARALLELISM);
      } finally {
        ct.insideHook = false;
      }
    }
    @SuppressWarnings("unchecked") // E is ForkJoinPool or Executor, the two types of these fields
    E pool = (E) common;
    return pool;
  }
}
