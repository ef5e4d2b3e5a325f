package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link AtomicCheckThenAct}'s twin: the check and the sale are one {@code compareAndSet}, which
 * records the sale only if nobody sold a seat since the check; otherwise the buyer checks again.
 *
 * <p>Size: buyers ({@code args[0]}, default 2), for one seat.
 */
@Expect(bug = false)
public final class AtomicCheckThenActFixed {
  static final class CasBoxOffice extends AtomicCheckThenAct.BoxOffice {
    @Override
    boolean buy() {
      int s;
      do {
        s = sold.get();
        if (s >= AtomicCheckThenAct.SEATS) return false;
      } while (!sold.compareAndSet(s, s + 1));
      return true;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    AtomicCheckThenAct.sell(new CasBoxOffice(), args);
  }
}
