package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Two threads take the same two monitors in opposite orders; when each holds its first, each waits
 * forever for the other's. The monitors have their own classes and the threads their own names so
 * that a deadlock report can name them.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class AbBaDeadlock {
  /** The name of the thread that takes {@link Left} first. */
  public static final String LEFT_FIRST = "left-first";
  /** The name of the thread that takes {@link Right} first. */
  public static final String RIGHT_FIRST = "right-first";

  /** One monitor. */
  public static final class Left {}

  /** The other monitor. */
  public static final class Right {}

  static void lockInOrder(Object first, Object second) {
    synchronized (first) {
      synchronized (second) {
        // Both held: the work would go here.
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Left left = new Left();
    Right right = new Right();
    Threads.startAndJoin(
        Threads.named(LEFT_FIRST, () -> lockInOrder(left, right)),
        Threads.named(RIGHT_FIRST, () -> lockInOrder(right, left)));
  }
}
