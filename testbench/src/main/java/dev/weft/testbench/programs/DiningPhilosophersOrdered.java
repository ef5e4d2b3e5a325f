package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link DiningPhilosophers}' twin: each philosopher picks up the lower-numbered of their two forks
 * first, so the last philosopher reaches for fork 0 before fork n-1 and the cycle is broken.
 */
@Expect(bug = false)
public final class DiningPhilosophersOrdered {
  public static void main(String[] args) throws InterruptedException {
    DiningPhilosophers.dine(args, true);
  }
}
