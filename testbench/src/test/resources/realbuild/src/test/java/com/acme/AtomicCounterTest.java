package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.junit.InterleavingTest;
import java.util.concurrent.atomic.AtomicInteger;

/** CounterTest's twin without its bug: each increment is one atomic step. */
class AtomicCounterTest {
  private final AtomicInteger count = new AtomicInteger();

  @InterleavingTest(strategy = StrategyKind.DFS, iterations = 2_000)
  void twoIncrements() throws InterruptedException {
    Thread t = new Thread(count::incrementAndGet);
    t.start();
    count.incrementAndGet();
    t.join();
    assertEquals(2, count.get(), "lost update");
  }
}
