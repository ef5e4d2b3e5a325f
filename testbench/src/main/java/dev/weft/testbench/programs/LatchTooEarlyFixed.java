package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link LatchTooEarly}'s twin: each worker stores its result, then counts the latch down, so the
 * latch opens only once every result is there.
 *
 * <p>Size: workers ({@code args[0]}, default 2).
 */
@Expect(bug = false)
public final class LatchTooEarlyFixed {
  public static void main(String[] args) throws InterruptedException {
    LatchTooEarly.gather((results, slot, result, done) -> {
      results.set(slot, result);
      done.countDown();
    }, args);
  }
}
