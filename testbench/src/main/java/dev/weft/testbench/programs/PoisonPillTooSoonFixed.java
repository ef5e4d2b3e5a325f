package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link PoisonPillTooSoon}'s twin: the consumer stops only once it has taken one pill from every
 * producer, after which nothing more is put.
 *
 * <p>Size: items per producer ({@code args[0]}, default 1).
 */
@Expect(bug = false)
public final class PoisonPillTooSoonFixed {
  public static void main(String[] args) throws InterruptedException {
    PoisonPillTooSoon.produceAndConsume(PoisonPillTooSoon.PRODUCERS, args);
  }
}
