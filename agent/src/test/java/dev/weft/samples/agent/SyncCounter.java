package dev.weft.samples.agent;

/** Synchronized methods and blocks; the agent turns the methods into explicit monitors. */
public class SyncCounter {
  private static int staticCount;
  private final Object lock = new Object();
  private int count; // guarded by this
  private int blockCount; // guarded by lock

  public synchronized void increment() {
    count++; // @line:increment
  }

  public static synchronized void incrementStatic() {
    staticCount++;
  }

  public void incrementInBlock() {
    synchronized (lock) { // @line:block
      blockCount++;
    }
  }

  public synchronized int incrementTwice() {
    increment(); // reentrant
    increment();
    return count;
  }

  /** Several returns, a two-slot result and a handler of its own: every path must release. */
  public synchronized long classify(int n) {
    if (n < 0) return -1L;
    try {
      if (n == 0) throw new IllegalStateException("zero");
      return n * 2L;
    } catch (IllegalStateException e) {
      return 0L;
    }
  }

  public synchronized void failInMethod() {
    throw new IllegalStateException("in method");
  }

  public static synchronized void failInStaticMethod() {
    throw new IllegalStateException("in static method");
  }

  public void failInBlock() {
    synchronized (lock) {
      throw new IllegalStateException("in block");
    }
  }

  public synchronized void empty() {}

  /** {@code threads} real threads, each calling the three increments {@code each} times. */
  public static int[] concurrentIncrements(int threads, int each) throws InterruptedException {
    staticCount = 0;
    SyncCounter counter = new SyncCounter();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                for (int i = 0; i < each; i++) {
                  counter.increment();
                  counter.incrementInBlock();
                  incrementStatic();
                }
              });
      workers[t].start();
    }
    for (Thread worker : workers) worker.join();
    return new int[] {counter.count, counter.blockCount, staticCount};
  }

  /** classify's results for -1, 0 and 3, then 1 if this thread still holds the monitor. */
  public static long[] returnPaths() {
    SyncCounter counter = new SyncCounter();
    long[] results = {
      counter.classify(-1), counter.classify(0), counter.classify(3), counter.incrementTwice()
    };
    counter.empty();
    return new long[] {
      results[0], results[1], results[2], results[3], Thread.holdsLock(counter) ? 1 : 0
    };
  }

  /** For each failing method: whether it threw and left its monitor free, also for others. */
  public static boolean[] failuresRelease() throws InterruptedException {
    SyncCounter counter = new SyncCounter();
    boolean[] released = new boolean[3];
    try {
      counter.failInMethod();
    } catch (IllegalStateException expected) {
      released[0] = !Thread.holdsLock(counter);
    }
    try {
      failInStaticMethod();
    } catch (IllegalStateException expected) {
      released[1] = !Thread.holdsLock(SyncCounter.class);
    }
    try {
      counter.failInBlock();
    } catch (IllegalStateException expected) {
      released[2] = !Thread.holdsLock(counter.lock);
    }
    Thread other = new Thread(counter::increment); // blocks forever if the monitor leaked
    other.start();
    other.join();
    return released;
  }
}
