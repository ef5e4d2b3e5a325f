package dev.weft.samples.explorer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** Timed waits whose timeouts either model of timeouts lets expire, or not. */
public final class TimedWaits {
  private TimedWaits() {}

  /**
   * A {@code tryLock(1 ms)} while another thread holds the lock for a moment: it fails only if the
   * timeout expires while the holder could still run on to its unlock.
   */
  public static void tryLockWhileHeldBriefly() throws InterruptedException {
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

  /**
   * A {@code tryLock(1 ms)} on a lock whose holder waits for the caller: the timeout expires under
   * either model, since nothing else can run then.
   */
  public static void tryLockWhileHolderWaits() throws InterruptedException {
    ReentrantLock lock = new ReentrantLock();
    CountDownLatch go = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      lock.lock();
      try {
        go.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        lock.unlock();
      }
    });
    holder.start();
    boolean got = lock.tryLock(1, TimeUnit.MILLISECONDS);
    if (got) lock.unlock();
    go.countDown();
    holder.join();
    if (!got) throw new AssertionError("tryLock timed out");
  }

  /** A timed {@code await} that the waiter's interrupt must end, before its timeout does. */
  public static void awaitEndedByInterrupt(long timeoutMillis) throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    String[] outcome = new String[1];
    Thread waiter = new Thread(() -> {
      try {
        outcome[0] = never.await(timeoutMillis, TimeUnit.MILLISECONDS) ? "counted" : "timed out";
      } catch (InterruptedException e) {
        outcome[0] = "interrupted";
      }
    });
    waiter.start();
    waiter.interrupt();
    waiter.join();
    if (!"interrupted".equals(outcome[0])) throw new AssertionError("the await " + outcome[0]);
  }
}
