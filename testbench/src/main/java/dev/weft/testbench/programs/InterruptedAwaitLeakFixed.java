package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link InterruptedAwaitLeak}'s twin: the waiter unlocks in {@code finally}, which is right on
 * both paths, since an interrupted {@code await} returns the lock to its caller before it throws.
 */
@Expect(bug = false)
public final class InterruptedAwaitLeakFixed {
  static final class ReleasingGate extends InterruptedAwaitLeak.Gate {
    @Override
    void awaitOpen() {
      lock.lock();
      try {
        while (!open) opened.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // cancelled: let the owner of the thread know
      } finally {
        lock.unlock();
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    InterruptedAwaitLeak.openOrCancel(new ReleasingGate());
  }
}
