package dev.weft.samples.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Programs on virtual threads (JDK 21+). The JDK 21 API is reached through reflection, so that
 * this compiles for Java 17.
 */
@SuppressWarnings("try") // an executor is closed as a resource under another name, AutoCloseable
public final class VirtualThreads {
  private VirtualThreads() {}

  /** {@code Thread.ofVirtual().factory()}: unnamed virtual threads. */
  private static ThreadFactory factory() throws ReflectiveOperationException {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory")
        .invoke(builder);
  }

  /** {@code Executors.newVirtualThreadPerTaskExecutor()}. */
  private static ExecutorService perTaskExecutor() throws ReflectiveOperationException {
    return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
        .invoke(null);
  }

  /** Starts one through {@code Thread.ofVirtual().start}, which the JDK starts, and joins it. */
  public static void startOne() throws Exception {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    Class<?> type = Class.forName("java.lang.Thread$Builder");
    Runnable nothing = () -> { };
    Thread t = (Thread) type.getMethod("start", Runnable.class).invoke(builder, nothing);
    t.join();
  }

  /** {@code threads} virtual threads run {@code task} each; the caller joins them all. */
  private static void runAll(int threads, Runnable task) throws Exception {
    ThreadFactory factory = factory();
    Thread[] started = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      started[i] = factory.newThread(task);
      started[i].start();
    }
    for (Thread t : started) t.join();
  }

  /** A counter whose every access is a scheduling point. */
  private static final class Counter {
    volatile int value;
  }

  /** Two virtual threads increment the counter, read then write: one update can be lost. */
  public static void lostUpdate() throws Exception {
    Counter c = new Counter();
    runAll(2, () -> c.value++);
    if (c.value != 2) throw new AssertionError("lost update: expected 2 but was " + c.value);
  }

  /** The twin: each increment under a {@code ReentrantLock}. Always 2. */
  public static void lockedUpdate() throws Exception {
    Counter c = new Counter();
    ReentrantLock lock = new ReentrantLock();
    runAll(2, () -> {
      lock.lock();
      try {
        c.value++;
      } finally {
        lock.unlock();
      }
    });
    if (c.value != 2) throw new AssertionError("lost update: expected 2 but was " + c.value);
  }

  /**
   * An executor of virtual threads, closed by try-with-resources, which waits for its tasks:
   * {@code atomic} or not, each of two tasks adds one to a counter read before the other wrote.
   */
  public static void perTaskExecutor(boolean atomic) throws Exception {
    AtomicInteger count = new AtomicInteger();
    Runnable add = atomic ? count::incrementAndGet : () -> count.set(count.get() + 1);
    ExecutorService executor = perTaskExecutor();
    try (AutoCloseable closing = (AutoCloseable) executor) { // ExecutorService is one on JDK 19+
      executor.submit(add);
      executor.submit(add);
    }
    if (count.get() != 2) throw new AssertionError("count is " + count.get() + ", expected 2");
  }

  /**
   * One virtual thread holds a monitor across a scheduling point while another waits to enter it:
   * the other is blocked, not deadlocked.
   */
  public static void blockedOnMonitor() throws Exception {
    Object lock = new Object();
    AtomicInteger inside = new AtomicInteger();
    runAll(2, () -> {
      synchronized (lock) {
        if (inside.incrementAndGet() != 1) throw new AssertionError("two threads inside");
        Thread.yield();
        inside.decrementAndGet();
      }
    });
  }

  /**
   * A task on a virtual thread, once started, waits on a latch until its future is cancelled,
   * which interrupts the thread from the JDK's code; the executor's close waits for it to end.
   */
  public static void cancelled() throws Exception {
    AtomicInteger interrupted = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    ExecutorService executor = perTaskExecutor();
    try (AutoCloseable closing = (AutoCloseable) executor) {
      Future<?> waiting = executor.submit(() -> {
        started.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          interrupted.incrementAndGet();
        }
      });
      started.await();
      waiting.cancel(true);
    }
    if (interrupted.get() != 1) throw new AssertionError("the task was not interrupted");
  }

  /** What each run saw: the ids and names its virtual threads read of themselves. */
  public static final List<String> SEEN = new ArrayList<>();

  /** Virtual threads of an executor and of a factory record their own id and name. */
  public static void recordIds() throws Exception {
    StringBuffer seen = new StringBuffer();
    Runnable record = () -> {
      Thread me = Thread.currentThread();
      seen.append(me.getId()).append(" '").append(me.getName()).append("' ");
    };
    ExecutorService executor = perTaskExecutor();
    try (AutoCloseable closing = (AutoCloseable) executor) {
      executor.submit(record).get();
    }
    runAll(1, record);
    synchronized (SEEN) {
      SEEN.add(seen.toString());
    }
  }

  /** A class whose initializer takes scheduling points. */
  static final class Initialized {
    static volatile int value;

    static {
      value = 1;
      value = value + 1;
    }
  }

  /** Defines its own copy of {@link Initialized}, which it initializes anew. */
  private static final class CopyLoader extends ClassLoader {
    CopyLoader() {
      super(VirtualThreads.class.getClassLoader());
    }

    Class<?> copy() throws IOException {
      String name = Initialized.class.getName();
      try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      }
    }
  }

  /**
   * Each of {@code threads} virtual threads initializes its own copy of {@link Initialized}, and
   * waits for its turn there pinned to its carrier: a thread in a class initializer cannot give
   * its carrier back.
   */
  public static void pinnedInClassInitializers(int threads) throws Exception {
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Class<?> copy = new CopyLoader().copy();
      tasks.add(() -> {
        try {
          Class.forName(copy.getName(), true, copy.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      });
    }
    ThreadFactory factory = factory();
    List<Thread> started = new ArrayList<>();
    for (Runnable task : tasks) {
      Thread t = factory.newThread(task);
      t.start();
      started.add(t);
    }
    for (Thread t : started) t.join();
  }

  /** {@code threads} virtual threads each add one to an atomic counter. */
  public static void many(int threads) throws Exception {
    AtomicInteger count = new AtomicInteger();
    runAll(threads, count::incrementAndGet);
    if (count.get() != threads) throw new AssertionError("count is " + count.get());
  }
}
