package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link WorkStealingDeque}'s twin: for the last task the owner races the thieves with the same
 * {@code compareAndSet} on the top index, and whoever loses goes without; either way the owner
 * then leaves the deque empty, with bottom == top.
 *
 * <p>Sizes: tasks ({@code args[0]}, default 2) and thieves ({@code args[1]}, default 1).
 */
@Expect(bug = false)
public final class WorkStealingDequeFixed {
  static final class RacingDeque extends WorkStealingDeque.Deque {
    RacingDeque(int capacity) {
      super(capacity);
    }

    @Override
    int takeLast(int t, int task) {
      boolean won = top.compareAndSet(t, t + 1);
      bottom = t + 1;
      return won ? task : WorkStealingDeque.EMPTY;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int count = Args.size(args, 0, 2);
    WorkStealingDeque.runAll(new RacingDeque(count), count, Args.size(args, 1, 1));
  }
}
