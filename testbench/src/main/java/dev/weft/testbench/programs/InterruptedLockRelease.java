package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An unlock of a lock never taken: a cancellable task takes its lock with {@code
 * lockInterruptibly} inside the {@code try} whose {@code finally} unlocks. When the task is
 * interrupted before it holds the lock, {@code lockInterruptibly} throws, and the {@code finally}
 * unlocks a lock the thread does not hold: an {@link IllegalMonitorStateException} that replaces
 * the cancellation. An interrupt that lands once the task holds the lock does no harm.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class InterruptedLockRelease {
  static class Task {
    final ReentrantLock lock = new ReentrantLock();
    int runs; // guarded by lock

    void run() throws InterruptedException {
      try {
        lock.lockInterruptibly();
        runs++;
      } finally {
        lock.unlock();
      }
    }
  }

  static void cancel(Task task) throws InterruptedException {
    Thread worker = new Thread(() -> {
      try {
        task.run();
      } catch (InterruptedException e) {
        // cancelled before it ran: nothing to undo
      }
    }, "worker");
    worker.start();
    worker.interrupt();
    worker.join();
  }

  public static void main(String[] args) throws InterruptedException {
    cancel(new Task());
  }
}
