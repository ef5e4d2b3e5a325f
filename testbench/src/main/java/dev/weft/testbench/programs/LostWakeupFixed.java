package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link LostWakeup}'s twin: the signal is a condition guarded by the monitor, set before the
 * notification, and the waiter waits only while it is unset. A signal sent before the waiter
 * arrives is seen, not lost.
 */
@Expect(bug = false)
public final class LostWakeupFixed {
  private boolean signalled; // guarded by this

  synchronized void awaitSignal() throws InterruptedException {
    while (!signalled) wait();
  }

  synchronized void signal() {
    signalled = true;
    notify();
  }

  public static void main(String[] args) throws InterruptedException {
    LostWakeupFixed latch = new LostWakeupFixed();
    Threads.startAndJoin(
        Threads.named("waiter", latch::awaitSignal),
        Threads.named("signaller", latch::signal));
  }
}
