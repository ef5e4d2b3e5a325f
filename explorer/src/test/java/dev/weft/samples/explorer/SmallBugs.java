package dev.weft.samples.explorer;

/** Tiny buggy programs whose schedules hold each kind of choice and end in each kind of failure. */
public final class SmallBugs {
  private SmallBugs() {}

  /** Two threads take two locks in opposite orders: a deadlock. */
  public static void deadlock() throws InterruptedException {
    Object a = new Object();
    Object b = new Object();
    Thread t = new Thread(() -> {
      synchronized (b) {
        synchronized (a) {
          Thread.yield();
        }
      }
    });
    t.start();
    synchronized (a) {
      synchronized (b) {
        Thread.yield();
      }
    }
    t.join();
  }

  /**
   * Two waiters; {@code notify} wakes one of them (a notify choice when both wait), {@code
   * notifyAll} the other. Then each increments a volatile counter by a read and a write: an update
   * can be lost.
   */
  public static void notifyThenRace() throws InterruptedException {
    Object lock = new Object();
    boolean[] open = {false};
    VolatileCounter count = new VolatileCounter();
    Runnable waiter = () -> {
      synchronized (lock) {
        while (!open[0]) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            throw new AssertionError("interrupted", e);
          }
        }
      }
      count.increment();
    };
    Thread first = new Thread(waiter);
    Thread second = new Thread(waiter);
    first.start();
    second.start();
    synchronized (lock) {
      open[0] = true;
      lock.notify();
      lock.notifyAll();
    }
    first.join();
    second.join();
    if (count.get() != 2) throw new AssertionError("lost update: " + count.get());
  }
}
