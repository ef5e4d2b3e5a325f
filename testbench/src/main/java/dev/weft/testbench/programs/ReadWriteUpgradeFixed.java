package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link ReadWriteUpgrade}'s twin: on a miss the reader releases the read lock before it loads
 * under the write lock, where {@code load} checks again, since the warm-up thread may have filled
 * the cache in between.
 */
@Expect(bug = false)
public final class ReadWriteUpgradeFixed {
  static final class ReleasingCache extends ReadWriteUpgrade.Cache {
    @Override
    String get() {
      lock.readLock().lock();
      try {
        if (value != null) return value;
      } finally {
        lock.readLock().unlock();
      }
      return load();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    ReadWriteUpgrade.warmAndRead(new ReleasingCache());
  }
}
