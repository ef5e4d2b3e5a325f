package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link LostUpdate}'s twin: the read and the write happen under one lock. */
@Expect(bug = false)
public final class LostUpdateFixed {
  private volatile int count;

  // Package-private, as is assertCount: VirtualLostUpdateFixed runs them on virtual threads.
  synchronized void increment() {
    count = count + 1;
  }

  public static void main(String[] args) throws InterruptedException {
    LostUpdateFixed counter = new LostUpdateFixed();
    Threads.runConcurrently(counter::increment, counter::increment);
    counter.assertCount(2);
  }

  void assertCount(int increments) {
    assert count == increments : "lost update: count is " + count + ", expected " + increments;
  }
}
