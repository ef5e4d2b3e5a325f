package dev.weft.samples.explorer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;

/**
 * Shapes of code whose calls into java.util.concurrent are easy to miss: a concurrent map held as
 * a plain {@code Map}, method references to an atomic's methods, an interrupt racing a lock, and a
 * {@code computeIfAbsent} whose function itself calls into java.util.concurrent.
 */
public final class ConcurrentShapes {
  private ConcurrentShapes() {}

  /** Check-then-act through the {@code Map} interface: two threads may both put. */
  public static void checkThenActThroughMap() throws InterruptedException {
    Map<String, Object> map = new ConcurrentHashMap<>();
    AtomicInteger puts = new AtomicInteger();
    Runnable login = () -> {
      if (!map.containsKey("k")) {
        map.put("k", new Object());
        puts.incrementAndGet();
      }
    };
    TwoThreads.run(login, login);
    if (puts.get() != 1) throw new AssertionError("put " + puts.get() + " times");
  }

  /** A lost update whose read and write are method references. */
  public static void lostUpdateThroughMethodReferences() throws InterruptedException {
    AtomicInteger n = new AtomicInteger();
    IntSupplier get = n::get;
    IntConsumer set = n::set;
    Runnable increment = () -> set.accept(get.getAsInt() + 1);
    TwoThreads.run(increment, increment);
    if (n.get() != 2) throw new AssertionError("lost update: " + n.get());
  }

  /** The interrupt may come after the worker has taken the lock, though the test says never. */
  public static void interruptBeforeLock() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    AtomicInteger ran = new AtomicInteger();
    Thread worker = new Thread(() -> {
      try {
        lock.lockInterruptibly();
        ran.incrementAndGet();
        lock.unlock();
      } catch (InterruptedException e) {
        // cancelled before it took the lock
      }
    });
    worker.start();
    worker.interrupt();
    worker.join();
    if (ran.get() != 0) throw new AssertionError("the worker ran before the interrupt");
  }

  /**
   * After a {@code computeIfAbsent} has returned, a check-then-act in a method one frame deeper:
   * both threads may see the slot free. The JDK's lock is long released by then.
   */
  public static void checkThenActAfterComputeIfAbsent() throws InterruptedException {
    ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
    AtomicInteger claims = new AtomicInteger();
    AtomicBoolean taken = new AtomicBoolean();
    Runnable claim = () -> {
      map.computeIfAbsent("k", k -> 1);
      claimOnce(taken, claims);
    };
    TwoThreads.run(claim, claim);
    if (claims.get() != 1) throw new AssertionError("claimed " + claims.get() + " times");
  }

  private static void claimOnce(AtomicBoolean taken, AtomicInteger claims) {
    if (!taken.get()) {
      taken.set(true);
      claims.incrementAndGet();
    }
  }

  /** Correct: computeIfAbsent runs the function once, even when the function is itself a call. */
  public static void computeIfAbsentOnce() throws InterruptedException {
    ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
    AtomicInteger made = new AtomicInteger();
    Runnable get = () -> map.computeIfAbsent("k", k -> made.incrementAndGet());
    TwoThreads.run(get, get);
    if (made.get() != 1) throw new AssertionError("made " + made.get() + " times");
  }
}
