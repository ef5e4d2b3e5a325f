package dev.weft.samples.agent;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

public class ConcurrentSample {
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicLong counter = new AtomicLong(40);

  /** Calls with no argument, a long and an object, two-slot arguments, and a static call. */
  public static long calls() throws InterruptedException {
    ConcurrentSample s = new ConcurrentSample();
    s.lock.lock(); // @line:lock
    try {
      s.counter.addAndGet(1L);
    } finally {
      s.lock.unlock();
    }
    ArrayBlockingQueue<String> q = new ArrayBlockingQueue<>(1);
    boolean offered = q.offer("x", 5L, TimeUnit.SECONDS);
    Executors.newSingleThreadExecutor().shutdown();
    return s.counter.get() + (offered ? 1 : 0) + q.size();
  }

  /** Reads of the clock, hash codes and a random number. */
  public static boolean outsideValues() {
    long t = System.nanoTime() + System.currentTimeMillis();
    Object o = new Object();
    Set<Object> set = new HashSet<>();
    set.add(o);
    return t != 0 && o.hashCode() == System.identityHashCode(o) && set.contains(o)
        && Math.random() < 1.0;
  }
}
