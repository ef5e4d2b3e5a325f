package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A lost wake-up: the waiter waits unconditionally for a signal, and the signaller notifies without
 * recording that it did. When the signaller runs first, its {@code notify} finds nobody waiting and
 * is lost; the waiter then waits forever, and main waits forever in {@code join}: every thread is
 * blocked, a deadlock.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class LostWakeup {
  public static void main(String[] args) throws InterruptedException {
    Object signal = new Object();
    Threads.startAndJoin(
        Threads.named("waiter", () -> {
          synchronized (signal) {
            signal.wait();
          }
        }),
        Threads.named("signaller", () -> {
          synchronized (signal) {
            signal.notify();
          }
        }));
  }
}
