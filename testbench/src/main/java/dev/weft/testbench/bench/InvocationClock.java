package dev.weft.testbench.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Real time of Lincheck's invocations, read from outside them. Inside an invocation Lincheck makes
 * {@code System.nanoTime} deterministic, so the invocations cannot time themselves; this daemon
 * thread, which Lincheck does not manage, polls their log every millisecond and notes when it first
 * and last changed. The window it gives covers the invocations of one call without Lincheck's
 * set-up before them and its report after them, to within a poll period.
 */
final class InvocationClock extends Thread {
  private static final long POLL_NANOS = 1_000_000;

  private final CharSequence log;
  private volatile boolean resetRequested;
  private volatile long first;
  private volatile long last;

  private InvocationClock(CharSequence log) {
    super("lincheck-invocation-clock");
    this.log = log;
    setDaemon(true);
  }

  /** Starts watching {@code log}, which must be safe to read from another thread. */
  static InvocationClock watch(CharSequence log) {
    InvocationClock clock = new InvocationClock(log);
    clock.start();
    return clock;
  }

  /** Forgets the previous window; returns once the watcher has seen the request. */
  void reset() {
    resetRequested = true;
    while (resetRequested) LockSupport.parkNanos(POLL_NANOS / 4);
  }

  /** Nanoseconds from the first to the last change of the log since {@link #reset()}. */
  long windowNanos() {
    LockSupport.parkNanos(2 * POLL_NANOS); // let the watcher see the last change
    return last - first;
  }

  @Override
  public void run() {
    int seen = 0;
    while (true) {
      if (resetRequested) {
        seen = log.length();
        first = 0;
        last = 0;
        resetRequested = false;
      }
      int length = log.length();
      if (length != seen) {
        long now = System.nanoTime();
        if (first == 0) first = now;
        last = now;
        seen = length;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
