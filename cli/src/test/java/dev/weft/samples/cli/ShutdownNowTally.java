package dev.weft.samples.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Buggy: shutdownNow interrupts both workers of a pool, in the order of the pool's worker set, and
 * each cancelled task notes its number in a volatile by a read then a write, so the last writer
 * wins and a number is lost. Which one the assert names depends on the order of the interrupts.
 */
public final class ShutdownNowTally {
  private static volatile int cancelled; // a bit per cancelled task

  public static void main(String[] args) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch running = new CountDownLatch(2);
    for (int task = 0; task < 2; task++) {
      int bit = 1 << task;
      pool.execute(() -> {
        running.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          int seen = cancelled;
          cancelled = seen | bit;
        }
      });
    }
    running.await();
    pool.shutdownNow();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    assert cancelled == 0b11 : "cancelled tasks " + Integer.toBinaryString(cancelled);
  }
}
