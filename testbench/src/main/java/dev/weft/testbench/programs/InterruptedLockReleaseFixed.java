package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link InterruptedLockRelease}'s twin: the task takes the lock before the {@code try}, so the
 * {@code finally} runs only once the lock is held, and an interrupt before that just cancels.
 */
@Expect(bug = false)
public final class InterruptedLockReleaseFixed {
  static final class LockFirstTask extends InterruptedLockRelease.Task {
    @Override
    void run() throws InterruptedException {
      lock.lockInterruptibly();
      try {
        runs++;
      } finally {
        lock.unlock();
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    InterruptedLockRelease.cancel(new LockFirstTask());
  }
}
