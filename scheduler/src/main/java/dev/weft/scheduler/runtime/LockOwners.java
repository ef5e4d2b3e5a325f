package dev.weft.scheduler.runtime;

import java.lang.reflect.Field;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

/**
 * Who holds a {@code java.util.concurrent} lock, for deadlock reports: the blocker a thread parks on
 * inside {@code lock()} is the lock's synchronizer, which records its exclusive owner. The agent
 * opens {@code java.util.concurrent.locks} to the runtime; without that, reports just say less.
 */
final class LockOwners {
  private static final Field OWNER = ownerField();

  private LockOwners() {}

  /** The thread holding {@code blocker} exclusively, or null when unknown or free. */
  static Thread ownerOf(Object blocker) {
    if (OWNER == null || !(blocker instanceof AbstractOwnableSynchronizer)) return null;
    try {
      return (Thread) OWNER.get(blocker);
    } catch (IllegalAccessException e) {
      return null;
    }
  }

  private static Field ownerField() {
    try {
      Field f = AbstractOwnableSynchronizer.class.getDeclaredField("exclusiveOwnerThread");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) { // not opened: no owners
      return null;
    }
  }
}
