package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * A reusable barrier built from a synchronized counter and a generation number: the last party to
 * arrive resets the counter, starts a new generation and wakes everyone; a waiter leaves when the
 * generation it arrived in is over, however late it wakes. Each worker records the round it has
 * reached and, past the barrier, checks that every other worker has reached it too.
 *
 * <p>Sizes: parties ({@code args[0]}, default 2) and rounds ({@code args[1]}, default 3).
 */
@Expect(bug = false)
public final class CounterBarrier {
  /** A barrier for a fixed number of parties. */
  abstract static class Barrier {
    final int parties;
    int arrived; // guarded by this

    Barrier(int parties) {
      this.parties = parties;
    }

    abstract void await() throws InterruptedException;
  }

  static final class GenerationBarrier extends Barrier {
    private int generation; // guarded by this

    GenerationBarrier(int parties) {
      super(parties);
    }

    @Override
    synchronized void await() throws InterruptedException {
      int mine = generation;
      if (++arrived == parties) {
        arrived = 0;
        generation++;
        notifyAll();
        return;
      }
      while (generation == mine) wait();
    }
  }

  private static final class Worker {
    volatile int round;
  }

  static void meet(Barrier barrier, int rounds) throws InterruptedException {
    Worker[] workers = new Worker[barrier.parties];
    for (int i = 0; i < workers.length; i++) workers[i] = new Worker();
    Thread[] threads = new Thread[workers.length];
    for (int i = 0; i < workers.length; i++) {
      Worker me = workers[i];
      threads[i] = Threads.named("party-" + i, () -> {
        for (int r = 1; r <= rounds; r++) {
          me.round = r;
          barrier.await();
          for (Worker other : workers) {
            assert other.round >= r : "past barrier " + r + " with a party still in round "
                + other.round;
          }
        }
      });
    }
    Threads.startAndJoin(threads);
  }

  public static void main(String[] args) throws InterruptedException {
    meet(new GenerationBarrier(Args.size(args, 0, 2)), Args.size(args, 1, 3));
  }
}
