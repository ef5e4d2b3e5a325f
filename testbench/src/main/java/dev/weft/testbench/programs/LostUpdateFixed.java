package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link LostUpdate}'s twin: the read and the write happen under one lock. */
@Expect(bug = false)
public final class LostUpdateFixed {
  private volatile int count;

  private synchronized void increment() {
    count = count + 1;
  }

  public static void main(String[] args) throws InterruptedException {
    LostUpdateFixed counter = new LostUpdateFixed();
    Threads.runConcurrently(counter::increment, counter::increment);
    assert counter.count == 2 : "lost update: count is " + counter.count + ", expected 2";
  }
}
