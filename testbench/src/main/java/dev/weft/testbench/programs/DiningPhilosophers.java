package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Dining philosophers: philosopher {@code i} picks up fork {@code i}, then fork {@code i+1} (mod
 * n), eats, and puts both down, for a number of meals. When every philosopher holds the fork on
 * their left, each waits forever for the one on their right.
 *
 * <p>Sizes: philosophers ({@code args[0]}, default 3) and meals each ({@code args[1]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class DiningPhilosophers {
  /** A fork is a monitor; its own class so that the deadlock report names it. */
  static final class Fork {}

  static final class Table {
    final Fork[] forks;
    private int meals; // guarded by this

    Table(int seats) {
      forks = new Fork[seats];
      for (int i = 0; i < seats; i++) forks[i] = new Fork();
    }

    synchronized void served() {
      meals++;
    }

    synchronized int meals() {
      return meals;
    }
  }

  /** Seats the philosophers; when {@code ordered}, each takes the lower-numbered fork first. */
  static void dine(String[] args, boolean ordered) throws InterruptedException {
    int seats = Args.size(args, 0, 3);
    int meals = Args.size(args, 1, 2);
    if (seats < 2) throw new IllegalArgumentException("dining needs at least 2 philosophers");
    Table table = new Table(seats);
    Thread[] philosophers = new Thread[seats];
    for (int i = 0; i < seats; i++) {
      int left = i;
      int right = (i + 1) % seats;
      Fork first = table.forks[ordered ? Math.min(left, right) : left];
      Fork second = table.forks[ordered ? Math.max(left, right) : right];
      philosophers[i] = Threads.named("philosopher-" + i, () -> {
        for (int m = 0; m < meals; m++) {
          synchronized (first) {
            synchronized (second) {
              table.served();
            }
          }
        }
      });
    }
    Threads.startAndJoin(philosophers);
    assert table.meals() == seats * meals : table.meals() + " meals served";
  }

  public static void main(String[] args) throws InterruptedException {
    dine(args, false);
  }
}
