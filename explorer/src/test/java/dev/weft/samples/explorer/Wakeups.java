package dev.weft.samples.explorer;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Waits whose correctness depends on whether they may return spuriously. */
public final class Wakeups {
  private Wakeups() {}

  /** A waiter that checks its condition once, with {@code if}: only a spurious wakeup breaks it. */
  public static void ifAroundWait() throws InterruptedException {
    Object lock = new Object();
    boolean[] ready = {false};
    Thread waiter = new Thread(() -> {
      synchronized (lock) {
        try {
          if (!ready[0]) lock.wait();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        if (!ready[0]) throw new AssertionError("woke with nothing ready");
      }
    });
    waiter.start();
    synchronized (lock) {
      ready[0] = true;
      lock.notifyAll();
    }
    waiter.join();
  }

  /**
   * A handoff through a {@code Condition}, whose waits are parks inside JDK code: correct, and the
   * same to explore whether spurious wakeups are on or off.
   */
  public static void conditionHandoff() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Condition changed = lock.newCondition();
    int[] value = {0};
    Thread taker = new Thread(() -> {
      lock.lock();
      try {
        while (value[0] == 0) changed.awaitUninterruptibly();
      } finally {
        lock.unlock();
      }
    });
    taker.start();
    lock.lock();
    try {
      value[0] = 1;
      changed.signal();
    } finally {
      lock.unlock();
    }
    taker.join();
  }
}
