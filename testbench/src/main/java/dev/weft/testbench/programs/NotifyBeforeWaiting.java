package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.function.Predicate;

/**
 * A notification sent once the waiter seems ready, judged by the wrong state. The worker waits on a
 * monitor once, with no condition to re-check; main polls {@code worker.getState()} until it is no
 * longer {@code NEW}, which it is as soon as it has started, and notifies: a worker that has not
 * yet reached its {@code wait} misses the notification and waits forever, while main waits to join
 * it.
 *
 * <p>{@code getState} is a read that a loop polls, as {@code isAlive} is: Weft answers it from its
 * model, so a poll gives way to the thread whose state it waits for.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class NotifyBeforeWaiting {
  static void notifyWhen(Predicate<Thread.State> ready) throws InterruptedException {
    Object lock = new Object();
    Thread worker = Threads.named("worker", () -> {
      synchronized (lock) {
        lock.wait(); // returns on the notification (or spuriously)
      }
    });
    worker.start();
    while (!ready.test(worker.getState())) {
      // the worker is not there yet
    }
    synchronized (lock) {
      lock.notify();
    }
    worker.join();
  }

  public static void main(String[] args) throws InterruptedException {
    notifyWhen(state -> state != Thread.State.NEW);
  }
}
