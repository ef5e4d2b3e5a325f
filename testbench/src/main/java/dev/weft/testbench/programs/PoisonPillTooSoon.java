package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A poison pill that stops the consumer too soon: two producers each put their items on a {@link
 * BlockingQueue}, then a pill, and the consumer stops at the first pill it takes. Unless one
 * producer has put all its items before the other's pill, some items come after that pill and are
 * never consumed.
 *
 * <p>Size: items per producer ({@code args[0]}, default 1).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class PoisonPillTooSoon {
  static final int PRODUCERS = 2;
  private static final int PILL = -1;

  static void produceAndConsume(int pillsToStop, String[] args) throws InterruptedException {
    int items = Args.size(args, 0, 1);
    BlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    AtomicInteger consumed = new AtomicInteger();
    Threads.Body producer = () -> {
      for (int i = 0; i < items; i++) queue.put(i);
      queue.put(PILL);
    };
    Threads.Body consumer = () -> {
      for (int pills = 0; pills < pillsToStop; ) {
        if (queue.take() == PILL) {
          pills++;
        } else {
          consumed.incrementAndGet();
        }
      }
    };
    Threads.runConcurrently(producer, producer, consumer);
    assert consumed.get() == PRODUCERS * items
        : consumed.get() + " of " + PRODUCERS * items + " items consumed";
  }

  public static void main(String[] args) throws InterruptedException {
    produceAndConsume(1, args);
  }
}
