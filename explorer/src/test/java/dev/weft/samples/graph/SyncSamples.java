package dev.weft.samples.graph;

/**
 * One small program per kind of synchronization, for the happens-before graph's tests. Each is
 * written for a schedule that runs the newest enabled thread first, so a thread started runs until
 * it blocks or ends.
 */
public final class SyncSamples {
  private volatile int value;

  private SyncSamples() {}

  /** Two threads that only touch their own state: program order and nothing else between them. */
  public static void programOrder() {
    SyncSamples a = new SyncSamples();
    Thread t = new Thread(() -> {
      SyncSamples b = new SyncSamples();
      b.value = 1;
      b.value = 2;
    });
    t.start();
    a.value = 1;
    int read = a.value;
    a.value = read + 1;
  }

  /** T1 writes; T0 reads that twice and writes again; T2 reads T0's write. */
  public static void volatileWriteThenReads() {
    SyncSamples s = new SyncSamples();
    new Thread(() -> s.value = 1).start();
    int first = s.value;
    int second = s.value;
    s.value = first + second;
    new Thread(() -> Integer.hashCode(s.value)).start();
  }

  /** T0 starts T1 inside a monitor; T1 enters it after T0's exit. */
  public static void monitorExitThenEnter() throws InterruptedException {
    Object lock = new Object();
    Thread t = new Thread(() -> {
      synchronized (lock) {
        // entered after T0 exits
      }
    });
    synchronized (lock) {
      t.start();
    }
    t.join();
  }

  /** T0 joins T1 after an isAlive that says false; a timed-out join of T2 sees no end. */
  public static void startAndJoin() throws InterruptedException {
    Object lock = new Object();
    Thread quick = new Thread(() -> new SyncSamples().value = 1);
    quick.start();
    if (quick.isAlive()) throw new AssertionError("run newest first, quick has ended by now");
    quick.join();
    Thread waiter = new Thread(() -> awaitNotify(lock));
    waiter.start();
    waiter.join(1);
    synchronized (lock) {
      lock.notify();
    }
    waiter.join();
  }

  /** Two named waiters; one notifyAll wakes both. */
  public static void notifyAllWakesBoth() throws InterruptedException {
    Object lock = new Object();
    Thread first = new Thread(() -> awaitNotify(lock), "first");
    Thread second = new Thread(() -> awaitNotify(lock), "second");
    first.start();
    second.start();
    synchronized (lock) {
      lock.notifyAll();
    }
    first.join();
    second.join();
  }

  /** T0 interrupts a waiting T1, which wakes with an InterruptedException. */
  public static void interruptWakesAWaiter() throws InterruptedException {
    Object lock = new Object();
    Thread waiter = new Thread(() -> awaitInterrupt(lock));
    waiter.start();
    waiter.interrupt();
    waiter.join();
  }

  /**
   * T0 interrupts T1 while T1 is blocked on a monitor T0 holds; T2 then sees the interrupt, and T1
   * sees it on entering wait.
   */
  public static void interruptSeenByAnotherThread() throws InterruptedException {
    Object lock = new Object();
    Thread waiter = new Thread(() -> awaitInterrupt(lock));
    Thread observer = new Thread(() -> {
      if (!waiter.isInterrupted()) throw new AssertionError("the interrupt is not seen");
    });
    synchronized (lock) {
      waiter.start();
      waiter.interrupt();
      observer.start();
    }
    waiter.join();
    observer.join();
  }

  private static void awaitNotify(Object lock) {
    synchronized (lock) {
      try {
        lock.wait();
      } catch (InterruptedException e) {
        throw new AssertionError("interrupted instead of notified", e);
      }
    }
  }

  private static void awaitInterrupt(Object lock) {
    synchronized (lock) {
      try {
        lock.wait();
        throw new AssertionError("woken without an interrupt");
      } catch (InterruptedException expected) {
        // what these samples are about
      }
    }
  }
}
