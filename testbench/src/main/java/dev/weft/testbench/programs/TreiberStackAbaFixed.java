package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.atomic.AtomicStampedReference;

/**
 * {@link TreiberStackAba}'s twin: the top carries a stamp that every successful change increments,
 * in an {@link AtomicStampedReference}. A buffer taken and given back returns with a new stamp, so
 * the stale {@code compareAndSet} fails and the borrower reads the top again.
 *
 * <p>It still has a data race, which it means: a taker reads {@code below} of a buffer that another
 * thread may be giving back (and so writing) at the same time. The stale value it may read is never
 * used, since the stamp then has changed and its {@code compareAndSet} fails.
 */
@Expect(bug = false, benignRaces = "dev.weft.testbench.programs.TreiberStackAba$Buffer.below")
public final class TreiberStackAbaFixed {
  static final class StampedPool implements TreiberStackAba.Pool {
    private final AtomicStampedReference<TreiberStackAba.Buffer> top =
        new AtomicStampedReference<>(null, 0);

    @Override
    public void give(TreiberStackAba.Buffer b) {
      int[] stamp = new int[1];
      TreiberStackAba.Buffer t;
      do {
        t = top.get(stamp);
        b.below = t;
      } while (!top.compareAndSet(t, b, stamp[0], stamp[0] + 1));
    }

    @Override
    public TreiberStackAba.Buffer take() {
      int[] stamp = new int[1];
      TreiberStackAba.Buffer t;
      do {
        t = top.get(stamp);
        if (t == null) return null;
      } while (!top.compareAndSet(t, t.below, stamp[0], stamp[0] + 1));
      return t;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    TreiberStackAba.borrow(new StampedPool());
  }
}
