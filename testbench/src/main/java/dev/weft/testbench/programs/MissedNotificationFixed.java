package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link MissedNotification}'s twin: a woken thread re-checks its condition ({@code while}). */
@Expect(bug = false)
public final class MissedNotificationFixed {
  static final class WhileBuffer extends OneSlotBuffer {
    @Override
    synchronized void put(int item) throws InterruptedException {
      while (isFull()) wait();
      insert(item);
      notifyAll();
    }

    @Override
    synchronized int take() throws InterruptedException {
      while (isEmpty()) wait();
      int item = remove();
      notifyAll();
      return item;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    OneSlotBuffer.exchangeTwoItems(new WhileBuffer());
  }
}
