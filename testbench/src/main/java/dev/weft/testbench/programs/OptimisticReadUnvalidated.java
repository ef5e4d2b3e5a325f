package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.locks.StampedLock;

/**
 * An optimistic read that is never validated: a point moves along the diagonal under a {@link
 * StampedLock}'s write lock, so x always equals y between moves. A reader takes a stamp with {@code
 * tryOptimisticRead} and, unless the point is being moved right then, reads x and y and uses them
 * without {@code validate}. A move between its two reads gives it a point off the diagonal.
 *
 * <p>Size: moves ({@code args[0]}, default 1).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class OptimisticReadUnvalidated {
  static class Point {
    final StampedLock lock = new StampedLock();
    // Written under the write lock; read optimistically, without it, hence volatile.
    volatile int x;
    volatile int y;

    void moveTo(int position) {
      long stamp = lock.writeLock();
      try {
        x = position;
        y = position;
      } finally {
        lock.unlockWrite(stamp);
      }
    }

    int[] read() {
      if (lock.tryOptimisticRead() == 0) return readLocked(); // write-locked right now
      return new int[] {x, y};
    }

    int[] readLocked() {
      long stamp = lock.readLock();
      try {
        return new int[] {x, y};
      } finally {
        lock.unlockRead(stamp);
      }
    }
  }

  static void moveAndRead(Point point, String[] args) throws InterruptedException {
    int moves = Args.size(args, 0, 1);
    Threads.startAndJoin(
        Threads.named("mover", () -> {
          for (int i = 1; i <= moves; i++) point.moveTo(i);
        }),
        Threads.named("reader", () -> {
          int[] xy = point.read();
          assert xy[0] == xy[1] : "read (" + xy[0] + ", " + xy[1] + "), off the diagonal";
        }));
  }

  public static void main(String[] args) throws InterruptedException {
    moveAndRead(new Point(), args);
  }
}
