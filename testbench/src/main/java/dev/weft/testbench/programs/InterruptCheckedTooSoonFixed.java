package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link InterruptCheckedTooSoon}'s twin: the status is read where the JDK promises it, by the
 * worker once {@code lock()} has returned, which restores any interrupt it cleared on the way.
 */
@Expect(bug = false)
public final class InterruptCheckedTooSoonFixed {
  public static void main(String[] args) throws InterruptedException {
    if (!InterruptCheckedTooSoon.interruptBlockedWorker(false).sawInterrupt) {
      throw new AssertionError("the worker took the lock without its interrupt");
    }
  }
}
