package dev.weft.explorer.property;

import java.util.function.IntSupplier;

/**
 * How {@link ForAll#withParallelThreads(int)} hands a property's tests to its threads. It changes
 * only speed: the verdict and the counterexample are the same under each, and with any number of
 * threads.
 *
 * <p>Public API since 0.2.
 */
public enum WorkDistribution {
  /** Thread {@code w} of {@code k} runs tests {@code w, w + k, w + 2k, ...}. The default. */
  ROUND_ROBIN {
    @Override
    IntSupplier[] sources(int from, int to, int workers) {
      IntSupplier[] s = new IntSupplier[workers];
      for (int w = 0; w < workers; w++) s[w] = ascending(from + w, to, workers);
      return s;
    }
  },
  /**
   * Each thread starts with an equal block of consecutive tests; a thread that runs out takes the
   * upper half of the largest block left. Best when tests take uneven time.
   */
  WORK_STEALING {
    @Override
    IntSupplier[] sources(int from, int to, int workers) {
      return new StealingBlocks(from, to, workers).sources();
    }
  },
  /** Each thread runs one block of consecutive tests, the same share for each: least coordination. */
  CHUNKED {
    @Override
    IntSupplier[] sources(int from, int to, int workers) {
      IntSupplier[] s = new IntSupplier[workers];
      long len = to - from;
      for (int w = 0; w < workers; w++) {
        s[w] = ascending(from + (int) (len * w / workers), from + (int) (len * (w + 1) / workers), 1);
      }
      return s;
    }
  };

  /**
   * One source of test indices per worker, together covering {@code [from, to)} once; a source
   * returns -1 when it has no more.
   */
  abstract IntSupplier[] sources(int from, int to, int workers);

  private static IntSupplier ascending(int first, int end, int step) {
    int[] next = {first};
    return () -> {
      if (next[0] >= end) return -1;
      int i = next[0];
      next[0] += step;
      return i;
    };
  }
}
