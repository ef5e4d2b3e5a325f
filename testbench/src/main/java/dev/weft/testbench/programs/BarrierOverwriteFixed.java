package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link BarrierOverwrite}'s twin: each round meets at the barrier twice, once after the writes and
 * once after the reads, so no party overwrites a cell its neighbour has yet to read.
 *
 * <p>Sizes: parties ({@code args[0]}, default 2) and rounds ({@code args[1]}, default 2).
 */
@Expect(bug = false)
public final class BarrierOverwriteFixed {
  public static void main(String[] args) throws InterruptedException {
    BarrierOverwrite.exchange(true, args);
  }
}
