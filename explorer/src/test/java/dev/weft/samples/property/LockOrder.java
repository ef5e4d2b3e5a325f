package dev.weft.samples.property;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two locks taken in an order that depends on the caller: two callers that choose differently
 * deadlock. The locks are taken interruptibly, so that a test can free the threads afterwards.
 */
public final class LockOrder {
  private final ReentrantLock left = new ReentrantLock();
  private final ReentrantLock right = new ReentrantLock();
  private long moves;

  /** Takes both locks, {@code left} first or {@code right} first, and counts a move. */
  public void move(boolean leftFirst) throws InterruptedException {
    ReentrantLock first = leftFirst ? left : right;
    ReentrantLock second = leftFirst ? right : left;
    first.lockInterruptibly();
    try {
      TimeUnit.MILLISECONDS.sleep(1); // holds the first lock long enough for the other caller
      second.lockInterruptibly();
      try {
        moves++;
      } finally {
        second.unlock();
      }
    } finally {
      first.unlock();
    }
  }
}
