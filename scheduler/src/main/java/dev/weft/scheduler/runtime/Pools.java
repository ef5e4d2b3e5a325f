package dev.weft.scheduler.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The fork-join common pool as one execution sees it: a fresh pool, made when a controlled thread
 * first reaches for the common pool or for {@code CompletableFuture}'s default executor (a parallel
 * stream, {@code supplyAsync}, {@code ForkJoinPool.commonPool()}), and shut down with the
 * execution, so that its workers end rather than wait for work. The JVM's own common pool, whose
 * workers outlive executions, is never used by them. A class that keeps the pool it was given in a
 * static field will find it shut down in later executions.
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

  /** Called once the execution has ended, from the thread that ran it. */
  void shutDown() {
    ForkJoinPool pool = common;
    if (pool != null) pool.shutdownNow();
  }
}
