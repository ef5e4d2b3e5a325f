package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A one-slot buffer that waits under {@code if} instead of {@code while}. Two consumers wait on the
 * empty buffer (or one waits and the other arrives later); a producer puts one item and wakes them
 * all; the first consumer takes it, and the second, not re-checking, takes from the empty buffer.
 * No spurious wakeup is needed: {@code notifyAll} wakes a consumer whose condition another
 * consumer then falsifies.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class MissedNotification {
  static final class IfBuffer extends OneSlotBuffer {
    @Override
    synchronized void put(int item) throws InterruptedException {
      if (isFull()) wait();
      insert(item);
      notifyAll();
    }

    @Override
    synchronized int take() throws InterruptedException {
      if (isEmpty()) wait();
      int item = remove();
      notifyAll();
      return item;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    OneSlotBuffer.exchangeTwoItems(new IfBuffer());
  }
}
