package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Main holds a lock, starts a worker that blocks taking it, interrupts the worker and checks at
 * once that the interrupt is pending. It need not be: {@code lock()} is not interruptible, and the
 * JDK's acquire, woken by the interrupt, clears the status ({@code Thread.interrupted()}), parks
 * again, and restores the status only once it holds the lock. If the worker runs between the
 * interrupt and the check, main reads false. The trace shows the step where JDK code cleared it.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class InterruptCheckedTooSoon {
  /** Takes the lock and records whether it found itself interrupted once it held it. */
  static final class Worker implements Threads.Body {
    private final ReentrantLock lock;
    volatile boolean sawInterrupt;

    Worker(ReentrantLock lock) {
      this.lock = lock;
    }

    @Override
    public void run() {
      lock.lock();
      try {
        sawInterrupt = Thread.currentThread().isInterrupted();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Interrupts a worker blocked on a lock main holds; checks its status right after the interrupt
   * when {@code checkAtOnce}. Returns the worker once it has ended.
   */
  static Worker interruptBlockedWorker(boolean checkAtOnce) throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Worker work = new Worker(lock);
    Thread worker = Threads.named("worker", work);
    lock.lock();
    try {
      worker.start();
      worker.interrupt();
      if (checkAtOnce && !worker.isInterrupted()) {
        throw new AssertionError("the worker's interrupt is not pending");
      }
    } finally {
      lock.unlock();
    }
    worker.join();
    return work;
  }

  public static void main(String[] args) throws InterruptedException {
    interruptBlockedWorker(true);
  }
}
