package dev.weft.explorer.harness;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A target's own {@link ExecutorService} as its mailbox ({@link Mailbox#of(ExecutorService)}):
 * each message is counted from when it is sent until it ends, so {@link #depth} is what waits for a
 * worker and {@link #drain} waits for everything sent. The counts live under a {@code
 * java.util.concurrent} lock, whose waits Weft models, so a controlled run explores the workers'
 * handling of the messages like any other code.
 */
final class ExecutorMailbox implements Mailbox {
  private final ExecutorService executor;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition allEnded = lock.newCondition();
  private int sent;
  private int begun;
  private int ended;

  ExecutorMailbox(ExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public void send(Runnable message) {
    count(() -> sent++);
    try {
      executor.execute(() -> {
        count(() -> begun++);
        try {
          message.run();
        } finally {
          count(() -> {
            ended++;
            if (ended == sent) allEnded.signalAll();
          });
        }
      });
    } catch (RejectedExecutionException e) {
      count(() -> sent--);
      throw e;
    }
  }

  /** Messages sent that no worker has begun. */
  @Override
  public int depth() {
    lock.lock();
    try {
      return sent - begun;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until every message sent has ended. An executor shut down with messages it will never
   * run leaves this waiting: a deadlock under Weft's scheduler, the overall timeout on real threads.
   */
  @Override
  public void drain() throws InterruptedException {
    lock.lock();
    try {
      while (ended < sent) allEnded.await();
    } finally {
      lock.unlock();
    }
  }

  private void count(Runnable change) {
    lock.lock();
    try {
      change.run();
    } finally {
      lock.unlock();
    }
  }
}
