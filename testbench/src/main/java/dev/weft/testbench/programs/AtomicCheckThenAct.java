package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check-then-act on an {@link AtomicInteger}: a box office sells a seat when {@code get} shows one
 * left, then records the sale with {@code set}. Each call is atomic, the pair is not: two buyers
 * can both see the last seat free, both get it, and one sale overwrites the other's count.
 *
 * <p>Size: buyers ({@code args[0]}, default 2), for {@value #SEATS} seat.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class AtomicCheckThenAct {
  static final int SEATS = 1;

  static class BoxOffice {
    final AtomicInteger sold = new AtomicInteger();

    boolean buy() {
      int s = sold.get();
      if (s >= SEATS) return false;
      sold.set(s + 1);
      return true;
    }
  }

  static void sell(BoxOffice office, String[] args) throws InterruptedException {
    boolean[] bought = new boolean[Args.size(args, 0, 2)]; // slot i written by buyer i
    Threads.Body[] buyers = new Threads.Body[bought.length];
    Arrays.setAll(buyers, i -> () -> bought[i] = office.buy());
    Threads.runConcurrently(buyers);
    int tickets = 0;
    for (boolean b : bought) tickets += b ? 1 : 0;
    int sold = office.sold.get();
    assert tickets <= SEATS && tickets == sold
        : tickets + " tickets for " + SEATS + " seat, " + sold + " recorded sold";
  }

  public static void main(String[] args) throws InterruptedException {
    sell(new BoxOffice(), args);
  }
}
