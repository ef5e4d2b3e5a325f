package dev.weft.testbench.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Ending a program's executors, so that each program shows only its logic. */
final class Pools {
  private Pools() {}

  /**
   * Shuts {@code pool} down and waits for its workers to end. A minute is long enough for workers
   * with nothing left to do, so a pool still running after it is a bug of the program.
   */
  static void shutDown(ExecutorService pool) throws InterruptedException {
    pool.shutdown();
    if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
      throw new AssertionError("the pool did not terminate within a minute");
    }
  }
}
