package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link OptimisticReadUnvalidated}'s twin: the reader validates its stamp after reading, and when
 * a move came in between (or was under way), reads again under the read lock.
 *
 * <p>Size: moves ({@code args[0]}, default 1).
 */
@Expect(bug = false)
public final class OptimisticReadValidated {
  static final class ValidatingPoint extends OptimisticReadUnvalidated.Point {
    @Override
    int[] read() {
      long stamp = lock.tryOptimisticRead();
      int[] xy = {x, y};
      return lock.validate(stamp) ? xy : readLocked();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    OptimisticReadUnvalidated.moveAndRead(new ValidatingPoint(), args);
  }
}
