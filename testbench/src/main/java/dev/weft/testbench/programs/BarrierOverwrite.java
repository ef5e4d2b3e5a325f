package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One barrier where a round needs two: in each round every party writes its cell, meets the others
 * at a {@link CyclicBarrier}, then reads its neighbour's cell. Nothing stops a fast party from
 * starting the next round and overwriting its cell while its neighbour has yet to read it; the
 * neighbour then reads a value from the wrong round.
 *
 * <p>Sizes: parties ({@code args[0]}, default 2) and rounds ({@code args[1]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class BarrierOverwrite {
  static void exchange(boolean waitForReaders, String[] args) throws InterruptedException {
    int parties = Args.size(args, 0, 2);
    int rounds = Args.size(args, 1, 2);
    CyclicBarrier barrier = new CyclicBarrier(parties);
    AtomicIntegerArray cells = new AtomicIntegerArray(parties);
    Thread[] threads = new Thread[parties];
    for (int i = 0; i < parties; i++) {
      int me = i;
      int neighbour = (i + 1) % parties;
      threads[i] = Threads.named("party-" + i, () -> {
        for (int round = 1; round <= rounds; round++) {
          cells.set(me, value(round, me));
          await(barrier);
          int seen = cells.get(neighbour);
          assert seen == value(round, neighbour) : "round " + round + ": party " + me
              + " read " + seen + " from party " + neighbour;
          if (waitForReaders) await(barrier);
        }
      });
    }
    Threads.startAndJoin(threads);
  }

  private static int value(int round, int party) {
    return round * 100 + party;
  }

  private static void await(CyclicBarrier barrier) throws InterruptedException {
    try {
      barrier.await();
    } catch (BrokenBarrierException e) {
      throw new IllegalStateException("nothing breaks this barrier", e);
    }
  }

  public static void main(String[] args) throws InterruptedException {
    exchange(false, args);
  }
}
