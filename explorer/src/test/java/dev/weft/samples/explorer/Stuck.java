package dev.weft.samples.explorer;

import java.util.concurrent.CountDownLatch;

/** A worker blocks on a latch nobody counts down: a queue or lock Weft does not control yet. */
public final class Stuck {
  private Stuck() {}

  public static void waitForever() throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    Thread worker = new Thread(() -> {
      try {
        never.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "waiter");
    worker.start();
    worker.join();
  }
}
