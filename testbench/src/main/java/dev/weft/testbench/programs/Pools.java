package dev.weft.testbench.programs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Ending a program's executors, so that each program shows only its logic. */
final class Pools {
  private Pools() {}

  /**
   * Shuts {@code pool} down and waits for its workers to end. The programs read every result
   * through a future before, so the wait only tidies up, and its outcome does not matter.
   */
  static void shutDown(ExecutorService pool) throws InterruptedException {
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }
}
