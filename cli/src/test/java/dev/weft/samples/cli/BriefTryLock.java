package dev.weft.samples.cli;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A {@code tryLock(1 ms)} while another thread holds the lock for a moment. */
public final class BriefTryLock {
  public static void main(String[] args) throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    Thread holder = new Thread(() -> {
      lock.lock();
      lock.unlock();
    });
    holder.start();
    boolean got = lock.tryLock(1, TimeUnit.MILLISECONDS);
    if (got) lock.unlock();
    holder.join();
    if (!got) throw new AssertionError("tryLock timed out");
  }
}
