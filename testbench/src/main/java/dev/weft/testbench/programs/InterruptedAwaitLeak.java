package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock kept by an interrupted {@link Condition#await}: a waiter unlocks on its normal path only,
 * believing that an {@code await} that throws {@link InterruptedException} has let the lock go. It
 * has not: {@code await} takes the lock back before it throws. When main's interrupt reaches the
 * waiter before the opener has opened the gate, the waiter ends holding the lock; the opener then
 * waits for the lock forever, and main in {@code join}: a deadlock.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class InterruptedAwaitLeak {
  static class Gate {
    final ReentrantLock lock = new ReentrantLock();
    final Condition opened = lock.newCondition();
    boolean open; // guarded by lock

    void awaitOpen() {
      lock.lock();
      try {
        while (!open) opened.await();
        lock.unlock();
      } catch (InterruptedException e) {
        // cancelled, and taken to hold no lock now: but await took it back before throwing
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

  static void openOrCancel(Gate gate) throws InterruptedException {
    Thread waiter = new Thread(gate::awaitOpen, "waiter");
    Thread opener = new Thread(gate::open, "opener");
    waiter.start();
    opener.start();
    waiter.interrupt();
    waiter.join();
    opener.join();
  }

  public static void main(String[] args) throws InterruptedException {
    openOrCancel(new Gate());
  }
}
