package dev.weft.samples.agent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Loops that poll under a monitor or a {@code ReentrantLock}, and sections that write or call, for
 * the read-only analysis.
 */
public class PollingUnderLock {
  private final Object lock = new Object();
  private final ReentrantLock reentrant = new ReentrantLock();
  private final AtomicBoolean flag = new AtomicBoolean();
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

  /** Only reads an atomic under the monitor: its final getter writes nothing. */
  public void awaitFlag() {
    while (true) {
      synchronized (lock) {
        if (flag.get()) break;
      }
    }
  }

  /** Only reads under the lock, and goes straight back to it. */
  public void awaitDoneUnderLock() {
    while (true) {
      reentrant.lock();
      try {
        if (done) break;
      } finally {
        reentrant.unlock();
      }
    }
  }

  /** Only reads under the lock when it gets it, and goes straight back to try again. */
  public void awaitDoneTryingLock() {
    while (true) {
      if (reentrant.tryLock()) {
        try {
          if (done) break;
        } finally {
          reentrant.unlock();
        }
      }
    }
  }

  /** Writes under the lock: no poll. */
  public void awaitCountingUnderLock() {
    while (true) {
      reentrant.lock();
      try {
        attempts++;
        if (done) break;
      } finally {
        reentrant.unlock();
      }
    }
  }

  /** Sets the flag under the lock, once: no poll. */
  public void finishUnderLock() {
    reentrant.lock();
    try {
      done = true;
    } finally {
      reentrant.unlock();
    }
  }

  /** Calls a private getter under the monitor, which only reads: no override can replace it. */
  public void awaitThroughGetter() {
    while (true) {
      synchronized (lock) {
        if (doneNow()) break;
      }
    }
  }

  /** Calls a private method under the monitor that counts: no poll. */
  public void awaitThroughCounter() {
    while (true) {
      synchronized (lock) {
        if (countAndCheck()) break;
      }
    }
  }

  /** Calls a public getter that a subclass may override: no poll. */
  public void awaitThroughOverridable() {
    while (true) {
      synchronized (lock) {
        if (overridableDone()) break;
      }
    }
  }

  private boolean doneNow() {
    return done;
  }

  private boolean countAndCheck() {
    attempts++;
    return done;
  }

  public boolean overridableDone() {
    return done;
  }
}
