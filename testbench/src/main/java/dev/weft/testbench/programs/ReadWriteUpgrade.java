package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read lock upgraded to a write lock: a cache looks its value up under the read lock and, on a
 * miss, loads it under the write lock while still holding the read lock. {@link
 * ReentrantReadWriteLock} cannot upgrade: the write lock waits until every reader has left, the
 * thread itself included. When the reader gets there before the warm-up thread has filled the
 * cache, it waits forever, and main in {@code join}: a deadlock.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class ReadWriteUpgrade {
  static final String VALUE = "loaded";

  static class Cache {
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    String value; // guarded by lock

    String get() {
      lock.readLock().lock();
      try {
        return value != null ? value : load(); // the upgrade
      } finally {
        lock.readLock().unlock();
      }
    }

    /** Fills the cache under the write lock, unless it is filled already. */
    String load() {
      lock.writeLock().lock();
      try {
        if (value == null) value = VALUE;
        return value;
      } finally {
        lock.writeLock().unlock();
      }
    }
  }

  static void warmAndRead(Cache cache) throws InterruptedException {
    Threads.startAndJoin(
        Threads.named("warm-up", cache::load),
        Threads.named("reader", () -> {
          String value = cache.get();
          assert VALUE.equals(value) : "read " + value;
        }));
  }

  public static void main(String[] args) throws InterruptedException {
    warmAndRead(new Cache());
  }
}
