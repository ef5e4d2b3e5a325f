package dev.weft.samples.explorer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Programs for race detection: each racy one has a plain field or array element that two threads
 * touch with nothing ordering them; each correct twin orders them one way or another. None asserts
 * anything: only race detection can tell them apart.
 */
public final class Races {
  private Races() {}

  static class Counter {
    int count;
    static int hits;
  }

  /** Two threads increment a plain field. */
  public static void plainCounter() throws InterruptedException {
    Counter c = new Counter();
    TwoThreads.run(() -> c.count++, () -> c.count++);
  }

  /** {@link #plainCounter}, and the increments must both count: a lost update fails it. */
  public static void plainCounterChecked() throws InterruptedException {
    Counter c = new Counter();
    TwoThreads.run(() -> c.count++, () -> c.count++);
    assert c.count == 2 : "lost update: count is " + c.count;
  }

  /** Two threads increment a plain static field. */
  public static void staticCounter() throws InterruptedException {
    Counter.hits = 0;
    TwoThreads.run(() -> Counter.hits++, () -> Counter.hits++);
  }

  /** One thread writes an array element the other reads. */
  public static void arrayElement() throws InterruptedException {
    int[] slots = new int[4];
    TwoThreads.run(() -> slots[2] = 7, () -> System.identityHashCode(slots[2]));
  }

  static class Message {
    int payload;
    volatile boolean ready;
    boolean plainReady;
  }

  /** The payload is published through a volatile flag: ordered. */
  public static void volatilePublication() throws InterruptedException {
    Message m = new Message();
    TwoThreads.run(() -> {
      m.payload = 42;
      m.ready = true;
    }, () -> {
      if (m.ready) System.identityHashCode(m.payload);
    });
  }

  /** The same through a plain flag: both the flag and the payload race. */
  public static void plainPublication() throws InterruptedException {
    Message m = new Message();
    TwoThreads.run(() -> {
      m.payload = 42;
      m.plainReady = true;
    }, () -> {
      if (m.plainReady) System.identityHashCode(m.payload);
    });
  }

  /** Increments under a monitor: ordered. */
  public static void synchronizedCounter() throws InterruptedException {
    Counter c = new Counter();
    Runnable increment = () -> {
      synchronized (c) {
        c.count++;
      }
    };
    TwoThreads.run(increment, increment);
  }

  /** Increments under a ReentrantLock: ordered. */
  public static void lockedCounter() throws InterruptedException {
    Counter c = new Counter();
    ReentrantLock lock = new ReentrantLock();
    Runnable increment = () -> {
      lock.lock();
      try {
        c.count++;
      } finally {
        lock.unlock();
      }
    };
    TwoThreads.run(increment, increment);
  }

  /** Written before start, by the child, and read after join: ordered. */
  public static void startJoin() throws InterruptedException {
    Counter c = new Counter();
    c.count = 1;
    Thread child = new Thread(() -> c.count++);
    child.start();
    child.join();
    c.count++;
  }

  /** A pool task writes what the submitter reads after {@code get}: ordered. */
  public static void futureGet() throws Exception {
    Counter c = new Counter();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      c.count = 1;
      Future<?> f = pool.submit(() -> c.count++);
      f.get();
      c.count++;
    } finally {
      pool.shutdown();
    }
  }

  /** The submitter writes after submitting, while the task reads: a race. */
  public static void writeAfterSubmit() throws Exception {
    Counter c = new Counter();
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      Future<?> f = pool.submit(() -> System.identityHashCode(c.count));
      c.count = 5;
      f.get();
    } finally {
      pool.shutdown();
    }
  }
}
