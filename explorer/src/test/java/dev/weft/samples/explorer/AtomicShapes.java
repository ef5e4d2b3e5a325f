package dev.weft.samples.explorer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.StampedLock;

/**
 * Atomic accesses and blocking that the other samples do not reach: VarHandle access modes, field
 * updaters, a StampedLock conversion, copy-on-write lists, and a timed park.
 */
public final class AtomicShapes {
  private static final VarHandle VALUE;
  private static final AtomicIntegerFieldUpdater<AtomicShapes> UPDATED =
      AtomicIntegerFieldUpdater.newUpdater(AtomicShapes.class, "updated");

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(AtomicShapes.class, "value", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private int value;
  private volatile int updated;

  private AtomicShapes() {}

  /** Read then write through a VarHandle, not one compare-and-set: an update can be lost. */
  public static void lostUpdateThroughVarHandle() throws InterruptedException {
    AtomicShapes s = new AtomicShapes();
    Runnable increment = () -> VALUE.setVolatile(s, (int) VALUE.getVolatile(s) + 1);
    TwoThreads.run(increment, increment);
    int total = (int) VALUE.getVolatile(s);
    if (total != 2) throw new AssertionError("lost update through a VarHandle: " + total);
  }

  /** The same with a field updater's get and set. */
  public static void lostUpdateThroughFieldUpdater() throws InterruptedException {
    AtomicShapes s = new AtomicShapes();
    Runnable increment = () -> UPDATED.set(s, UPDATED.get(s) + 1);
    TwoThreads.run(increment, increment);
    if (UPDATED.get(s) != 2) throw new AssertionError("lost update: " + UPDATED.get(s));
  }

  /**
   * Correct: a writer that upgrades its read lock with {@code tryConvertToWriteLock}, falling back
   * to a write lock, never loses an increment.
   */
  public static void stampedLockConversion() throws InterruptedException {
    StampedLock lock = new StampedLock();
    int[] count = new int[1];
    Runnable increment = () -> {
      long stamp = lock.readLock();
      long write = lock.tryConvertToWriteLock(stamp);
      if (write == 0L) {
        lock.unlockRead(stamp);
        write = lock.writeLock();
      }
      count[0]++;
      lock.unlockWrite(write);
    };
    TwoThreads.run(increment, increment);
    if (count[0] != 2) throw new AssertionError("count is " + count[0]);
  }

  /** Check-then-add on a copy-on-write list: both threads can add. */
  public static void checkThenAddOnCopyOnWrite() throws InterruptedException {
    List<String> list = new CopyOnWriteArrayList<>();
    Runnable add = () -> {
      if (!list.contains("x")) list.add("x");
    };
    TwoThreads.run(add, add);
    if (list.size() != 1) throw new AssertionError("added " + list.size() + " times");
  }

  /** A timed park may end by its timeout before the unpark: the flag is then not set yet. */
  public static void timedParkMayTimeOut() throws InterruptedException {
    int[] flag = new int[1];
    Thread waiter = Thread.currentThread();
    Thread setter = new Thread(() -> {
      synchronized (flag) {
        flag[0] = 1;
      }
      LockSupport.unpark(waiter);
    });
    setter.start();
    LockSupport.parkNanos(flag, 10_000_000L);
    synchronized (flag) {
      if (flag[0] != 1) throw new AssertionError("the timed park ended before the flag was set");
    }
    setter.join();
  }
}
