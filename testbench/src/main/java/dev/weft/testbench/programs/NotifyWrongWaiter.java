package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * {@code notify} where {@code notifyAll} is needed: producers and consumers wait on the same
 * monitor for different conditions, so the one waiter {@code notify} wakes may be of the wrong
 * kind. With one producer of two items and two consumers of one item each: both consumers wait;
 * the producer puts an item, waking one consumer, then finds the slot full and waits; the consumer
 * takes the item and its {@code notify} wakes the other consumer instead of the producer. That
 * consumer finds the slot empty and waits again. The producer and the consumer wait for each
 * other, and nobody is left to notify either: a deadlock.
 *
 * <p>Size: consumers ({@code args[0]}, default 2), each taking one of as many items.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class NotifyWrongWaiter {
  static final class NotifyOneBuffer extends OneSlotBuffer {
    @Override
    synchronized void put(int item) throws InterruptedException {
      while (isFull()) wait();
      insert(item);
      notify();
    }

    @Override
    synchronized int take() throws InterruptedException {
      while (isEmpty()) wait();
      int item = remove();
      notify();
      return item;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    OneSlotBuffer.oneProducerManyConsumers(new NotifyOneBuffer(), Args.size(args, 0, 2));
  }
}
