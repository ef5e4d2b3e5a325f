package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import dev.weft.testbench.programs.MissedNotificationFixed.WhileBuffer;

/**
 * {@link NotifyWrongWaiter}'s twin: {@code notifyAll} wakes every waiter, so the one whose
 * condition now holds is among them; the others re-check and wait again.
 */
@Expect(bug = false)
public final class NotifyWrongWaiterFixed {
  public static void main(String[] args) throws InterruptedException {
    OneSlotBuffer.oneProducerManyConsumers(new WhileBuffer(), Args.size(args, 0, 2));
  }
}
