package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A bug that needs exactly three preemptions, by design: {@link FlagChain} with 3 writers. The
 * observer fails only when it sees every writer's flag raised, and each raised flag it sees is a
 * writer that was preempted between raising and lowering it; see {@link FlagChain} for why 3
 * preemptions are needed and enough.
 *
 * <p>Hidden under plain stress (10,000 plain runs never fail): see {@link FlagChain}.
 *
 * <p>Size: writes of work in each writer's window ({@code args[0]}, default {@value
 * FlagChain#WINDOW}).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION, hiddenUnderStress = true)
public final class ThreePreemptions {
  public static void main(String[] args) throws InterruptedException {
    FlagChain.run(3, Args.size(args, 0, FlagChain.WINDOW), false);
  }
}
