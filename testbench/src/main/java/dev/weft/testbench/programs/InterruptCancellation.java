package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link SwallowedInterrupt}'s twin: the worker restores the interrupt it caught, so the loop's
 * check sees it, whether the interrupt landed while the worker waited or between two tasks. Nothing
 * in it spins: the worker either runs a task, or waits, or stops.
 */
@Expect(bug = false)
public final class InterruptCancellation {
  public static void main(String[] args) throws InterruptedException {
    SwallowedInterrupt.cancel(e -> Thread.currentThread().interrupt());
  }
}
