package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link ConditionLostSignal}'s twin: the waiter checks the flag under the lock, and awaits only
 * while it is unset. The opener sets it under the same lock, so it either sees the flag or is
 * already waiting when the signal comes.
 */
@Expect(bug = false)
public final class ConditionLostSignalFixed {
  static final class CheckedGate extends ConditionLostSignal.Gate {
    @Override
    void awaitOpen() throws InterruptedException {
      lock.lock();
      try {
        while (!open) opened.await();
      } finally {
        lock.unlock();
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    ConditionLostSignal.pass(new CheckedGate());
  }
}
