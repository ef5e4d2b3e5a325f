package dev.weft.testbench.scale;

import java.util.concurrent.atomic.AtomicInteger;

/** N threads (the first argument, default 2) each {@code incrementAndGet} one counter, joined. */
public final class AtomicIncrements {
  private AtomicIncrements() {}

  public static void main(String[] args) throws InterruptedException {
    int threads = ThreadCount.of(args);
    AtomicInteger count = new AtomicInteger();
    Thread[] started = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      started[i] = new Thread(count::incrementAndGet);
      started[i].start();
    }
    for (Thread t : started) t.join();
    assert count.get() == threads : "count is " + count.get() + ", expected " + threads;
  }
}
