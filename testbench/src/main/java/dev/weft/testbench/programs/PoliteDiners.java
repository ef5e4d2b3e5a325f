package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A livelock: two diners share one spoon, and each is too polite to eat while the other is hungry.
 * A diner who gets the spoon and sees the other's volatile {@code hungry} flag raised hands the
 * spoon over instead of eating. If both become hungry before either has eaten, they hand the spoon
 * back and forth forever: both keep running, neither makes progress, and nothing can end it, since
 * a flag is lowered only by eating. If one diner eats before the other is hungry, both eat.
 *
 * <p>Waiting for the spoon blocks (wait/notifyAll), so the only endless loop is the politeness
 * itself, not a spin on the spoon. A run without the livelock takes a few dozen steps, hence the
 * small step bound: each livelock is reported after 2,000 steps instead of Weft's default.
 */
@Expect(bug = true, kind = FailureKind.LIVELOCK, maxSteps = 2_000)
public final class PoliteDiners {
  static final class Diner {
    final int id;
    volatile boolean hungry;

    Diner(int id) {
      this.id = id;
    }
  }

  /** The spoon: owned by one diner at a time. */
  static final class Spoon {
    private int owner; // guarded by this

    synchronized void awaitFor(Diner d) throws InterruptedException {
      while (owner != d.id) wait();
    }

    synchronized void handTo(Diner d) {
      owner = d.id;
      notifyAll();
    }
  }

  /** Whether {@code me}, holding the spoon, gives way to {@code other}. */
  interface Manners {
    boolean givesWay(Diner me, Diner other);
  }

  static void dine(Manners manners) throws InterruptedException {
    Spoon spoon = new Spoon(); // diner 0 has it
    Diner[] diners = {new Diner(0), new Diner(1)};
    Thread[] threads = new Thread[2];
    for (int i = 0; i < 2; i++) {
      Diner me = diners[i];
      Diner other = diners[1 - i];
      threads[i] = Threads.named("diner-" + i, () -> {
        me.hungry = true;
        while (true) {
          spoon.awaitFor(me);
          if (other.hungry && manners.givesWay(me, other)) {
            spoon.handTo(other); // "after you"
            continue;
          }
          me.hungry = false; // eats
          spoon.handTo(other);
          return;
        }
      });
    }
    Threads.startAndJoin(threads);
  }

  public static void main(String[] args) throws InterruptedException {
    dine((me, other) -> true);
  }
}
