package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A bug that needs exactly one preemption, by design: {@link FlagChain} with 1 writer. The
 * observer fails only when it sees every writer's flag raised, and each raised flag it sees is a
 * writer that was preempted between raising and lowering it; see {@link FlagChain} for why 1
 * preemption are needed and enough.
 *
 * <p>Size: writes of work in each writer's window ({@code args[0]}, default {@value
 * FlagChain#WINDOW}).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class OnePreemption {
  public static void main(String[] args) throws InterruptedException {
    FlagChain.run(1, Args.size(args, 0, FlagChain.WINDOW), false);
  }
}
