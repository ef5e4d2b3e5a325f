package dev.weft.samples.harness;

import dev.weft.explorer.harness.Mailbox;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Services the scenario harness's tests drive, each buggy one beside its fix. In a package the
 * agent instruments, as a user's services would be.
 */
public final class Services {
  private Services() {}

  /** A counter that must never go below zero. */
  public interface Counter {
    void increment();

    void decrement();

    int get();
  }

  /** Checks, then acts: two decrements can both pass the check on the last unit. */
  public static final class CheckThenDecrement implements Counter {
    private volatile int count;

    public CheckThenDecrement(int start) {
      count = start;
    }

    @Override
    public void increment() {
      synchronized (this) {
        count = count + 1;
      }
    }

    @Override
    public void decrement() {
      if (count > 0) {
        synchronized (this) {
          count = count - 1;
        }
      }
    }

    @Override
    public int get() {
      return count;
    }
  }

  /** The check and the act under one lock. */
  public static final class LockedCounter implements Counter {
    private int count;

    public LockedCounter(int start) {
      count = start;
    }

    @Override
    public synchronized void increment() {
      count++;
    }

    @Override
    public synchronized void decrement() {
      if (count > 0) count--;
    }

    @Override
    public synchronized int get() {
      return count;
    }
  }

  /** A pool of connections; a borrower interrupted while using one must still give it back. */
  public static final class Pool {
    private final BlockingQueue<Integer> free;
    private final int capacity;

    public Pool(int capacity) {
      this.capacity = capacity;
      this.free = new ArrayBlockingQueue<>(capacity);
      for (int i = 0; i < capacity; i++) free.add(i);
    }

    public int available() {
      return free.size();
    }

    public int capacity() {
      return capacity;
    }

    /** Borrows, works a millisecond, gives back: but not when the work is interrupted. */
    public void useLeaky() {
      try {
        Integer connection = free.take();
        Thread.sleep(1);
        free.put(connection);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Gives the connection back whatever happens. */
    public void useSafely() {
      Integer connection;
      try {
        connection = free.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        free.add(connection);
      }
    }
  }

  /** Counts what it is sent; no mailbox of its own, so the harness gives it one. */
  public static final class Tally {
    private int total;

    public void add() {
      total++;
    }

    public int total() {
      return total;
    }
  }

  /**
   * Counts what it is sent through a mailbox of four places: a sender waits while it is full, so
   * the depth never passes four.
   */
  public static final class BoundedTally implements Mailbox.HasMailbox, AutoCloseable {
    /** Put last by {@link #close}: the worker handles what came before it, then ends. */
    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(4);
    private final Thread worker = new Thread(this::work, "tally-worker");
    private int total;

    public BoundedTally() {
      worker.start();
    }

    public void add() {
      total++;
    }

    public int total() {
      return total;
    }

    @Override
    public Mailbox mailbox() {
      return Mailbox.of(queue);
    }

    private void work() {
      try {
        while (true) {
          Runnable next = queue.take();
          if (next == STOP) return;
          next.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Handles what was sent, then stops the worker. */
    @Override
    public void close() throws InterruptedException {
      queue.put(STOP);
      worker.join();
    }
  }

  /** Counts on a pool of two threads of its own, which its mailbox is. */
  public abstract static class PooledTally implements Mailbox.HasMailbox, AutoCloseable {
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    public abstract void add();

    public abstract int total();

    @Override
    public Mailbox mailbox() {
      return Mailbox.of(pool);
    }

    @Override
    public void close() throws InterruptedException {
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  /** Reads, then writes: two workers adding at once can lose one. */
  public static final class ReadThenWriteTally extends PooledTally {
    private volatile int total;

    @Override
    public void add() {
      total = total + 1;
    }

    @Override
    public int total() {
      return total;
    }
  }

  /** Adds atomically. */
  public static final class AtomicTally extends PooledTally {
    private final AtomicInteger total = new AtomicInteger();

    @Override
    public void add() {
      total.incrementAndGet();
    }

    @Override
    public int total() {
      return total.get();
    }
  }
}
