package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * {@link CounterBarrier} without the generation number: a waiter leaves when it finds the counter
 * reset to 0. But the counter is reused: after the last party resets it and wakes everyone, a fast
 * party may arrive at the next round's barrier, making the counter 1, before a slow one wakes. The
 * slow one finds 1, not 0, and waits again for a release that already happened; the fast one waits
 * for it. Everyone ends up waiting: a deadlock.
 *
 * <p>Sizes: parties ({@code args[0]}, default 2) and rounds ({@code args[1]}, default 3).
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class CounterBarrierNoGeneration {
  static final class ResetBarrier extends CounterBarrier.Barrier {
    ResetBarrier(int parties) {
      super(parties);
    }

    @Override
    synchronized void await() throws InterruptedException {
      if (++arrived == parties) {
        arrived = 0;
        notifyAll();
        return;
      }
      while (arrived != 0) wait();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    CounterBarrier.meet(new ResetBarrier(Args.size(args, 0, 2)), Args.size(args, 1, 3));
  }
}
