package dev.weft.samples.agent;

/** Loops that poll under a monitor, and sections that write or call, for the read-only analysis. */
public class PollingUnderLock {
  private final Object lock = new Object();
  private boolean done; // guarded by lock
  private int attempts; // guarded by lock

  /** Only reads under the monitor, and goes straight back to it. */
  public void awaitDone() {
    while (true) {
      synchronized (lock) {
        if (done) break;
      }
    }
  }

  /** Writes under the monitor: no poll. */
  public void awaitCounting() {
    while (true) {
      synchronized (lock) {
        attempts++;
        if (done) break;
      }
    }
  }

  /** Only reads under the monitor, but writes on the way back: its enter is not a poll again. */
  public void awaitCountingOutside() {
    while (true) {
      synchronized (lock) {
        if (done) break;
      }
      attempts++;
    }
  }

  /** Calls a method under the monitor, which may write anything. */
  public void awaitCalling() {
    while (true) {
      synchronized (lock) {
        if (isDone()) break;
      }
    }
  }

  /** A synchronized getter: the section only reads, but its exit leaves the method. */
  public synchronized boolean isDone() {
    return done;
  }

  public void finish() {
    synchronized (lock) {
      done = true;
    }
  }
}
