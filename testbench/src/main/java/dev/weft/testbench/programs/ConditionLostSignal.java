package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lost signal with a {@link Condition}: the waiter checks the gate's flag before it takes the
 * lock, then awaits the condition. When the opener sets the flag and signals between that check and
 * the {@code await}, the signal finds nobody waiting and is lost; the waiter then awaits forever,
 * and main waits forever in {@code join}: a deadlock.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class ConditionLostSignal {
  static class Gate {
    final ReentrantLock lock = new ReentrantLock();
    final Condition opened = lock.newCondition();
    volatile boolean open; // written under lock

    void awaitOpen() throws InterruptedException {
      if (open) return; // checked without the lock
      lock.lock();
      try {
        opened.await();
      } finally {
        lock.unlock();
      }
    }

    void open() {
      lock.lock();
      try {
        open = true;
        opened.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  static void pass(Gate gate) throws InterruptedException {
    Threads.startAndJoin(
        Threads.named("waiter", gate::awaitOpen), Threads.named("opener", gate::open));
  }

  public static void main(String[] args) throws InterruptedException {
    pass(new Gate());
  }
}
