package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.junit.InterleavingTest;

/** A lost update: two threads each read the counter, then write it plus one. */
class CounterTest {
  private volatile int count;

  @InterleavingTest(strategy = StrategyKind.DFS, iterations = 2_000)
  void twoIncrements() throws InterruptedException {
    Thread t = new Thread(() -> count = count + 1);
    t.start();
    count = count + 1;
    t.join();
    assertEquals(2, count, "lost update");
  }
}
