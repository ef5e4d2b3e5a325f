package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link PlainLostUpdate} with each increment under the counter's lock: no access races. */
@Expect(bug = false)
public final class PlainLostUpdateFixed {
  private int count; // guarded by this

  private synchronized void increment() {
    count = count + 1;
  }

  public static void main(String[] args) throws InterruptedException {
    PlainLostUpdateFixed counter = new PlainLostUpdateFixed();
    Threads.runConcurrently(counter::increment, counter::increment);
    assert counter.count == 2 : "lost update: count is " + counter.count + ", expected 2";
  }
}
