package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link LockCycle}'s twin: every thread takes the lower-numbered of its two links first, so the
 * links are always taken in one global order and no cycle can form.
 */
@Expect(bug = false)
public final class LockCycleOrdered {
  public static void main(String[] args) throws InterruptedException {
    LockCycle.Link[] links = LockCycle.links(Args.size(args, 0, 3));
    int n = links.length;
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      LockCycle.Link first = links[Math.min(i, j)];
      LockCycle.Link second = links[Math.max(i, j)];
      threads[i] = Threads.named("ordered-" + i, () -> AbBaDeadlock.lockInOrder(first, second));
    }
    Threads.startAndJoin(threads);
  }
}
