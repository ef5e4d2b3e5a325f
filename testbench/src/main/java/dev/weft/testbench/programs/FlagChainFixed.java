package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * The twin of {@link OnePreemption}, {@link TwoPreemptions} and {@link ThreePreemptions}: each
 * writer lowers its flag before it starts the next thread, so the observer, started last, never
 * sees a raised flag.
 *
 * <p>Size: writers ({@code args[0]}, default 3).
 */
@Expect(bug = false)
public final class FlagChainFixed {
  public static void main(String[] args) throws InterruptedException {
    FlagChain.run(Args.size(args, 0, 3), FlagChain.WINDOW, true);
  }
}
