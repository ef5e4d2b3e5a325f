package dev.weft.samples.property;

import java.util.concurrent.atomic.AtomicInteger;

/** Counters for concurrent properties: one loses updates, one does not. */
public final class Counters {
  private Counters() {}

  /** Adds by reading, then writing, a volatile: two threads can read the same value. */
  public static final class ReadThenWrite {
    private volatile int total;

    public int addAndGet(int delta) {
      int read = total;
      total = read + delta;
      return read + delta;
    }

    public int total() {
      return total;
    }
  }

  /** Adds atomically. */
  public static final class Atomic {
    private final AtomicInteger total = new AtomicInteger();

    public int addAndGet(int delta) {
      return total.addAndGet(delta);
    }

    /** Sleeps, then adds: a timed wait, which moves Weft's clock and nothing else. */
    public int sleepThenAdd(long millis, int delta) throws InterruptedException {
      Thread.sleep(millis);
      return total.addAndGet(delta);
    }

    /** Sets the total to 0, returning what it was. */
    public int reset() {
      return total.getAndSet(0);
    }

    public int total() {
      return total.get();
    }
  }
}
