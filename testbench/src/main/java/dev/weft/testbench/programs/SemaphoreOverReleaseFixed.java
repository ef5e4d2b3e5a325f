package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link SemaphoreOverRelease}'s twin: a user releases the permit only when it acquired it.
 *
 * <p>Sizes: users ({@code args[0]}, default 2) and attempts per user ({@code args[1]}, default 2).
 */
@Expect(bug = false)
public final class SemaphoreOverReleaseFixed {
  static final class GuardedConnection extends SemaphoreOverRelease.Connection {
    @Override
    void tryUse() {
      if (!permit.tryAcquire()) return;
      try {
        use();
      } finally {
        permit.release();
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    SemaphoreOverRelease.share(new GuardedConnection(), args);
  }
}
