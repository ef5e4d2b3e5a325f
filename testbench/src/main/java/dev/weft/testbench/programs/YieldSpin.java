package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Correct: a waiter counts its polls in an atomic and yields until the starter raises a volatile
 * flag. Each iteration writes (the count), so the loop is no read-only spin; its {@code
 * Thread.yield()} is what says that it waits for another thread, and it gives way there. Without
 * that, a strategy that keeps the running thread would count forever and report a livelock.
 */
@Expect(bug = false)
public final class YieldSpin {
  private volatile boolean started;
  private final AtomicInteger polls = new AtomicInteger();

  public static void main(String[] args) throws InterruptedException {
    YieldSpin race = new YieldSpin();
    Threads.startAndJoin(
        Threads.named("waiter", () -> {
          while (!race.started) {
            race.polls.incrementAndGet();
            Thread.yield();
          }
        }),
        Threads.named("starter", () -> race.started = true));
  }
}
