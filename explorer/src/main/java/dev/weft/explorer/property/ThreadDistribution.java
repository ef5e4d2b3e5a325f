package dev.weft.explorer.property;

/**
 * How many threads a generated {@link ConcurrentWorkload} has, and how many operations each runs.
 * Both grow with the generator's size (from the minimum at size 0 to the maximum at size 99), as a
 * list's length does, and shrink toward the minimum: fewer threads first, then fewer operations.
 *
 * <p>Public API since 0.2.
 *
 * @param minThreads threads at least, 1 or more
 * @param maxThreads threads at most
 * @param minOperations operations per thread at least, 1 or more
 * @param maxOperations operations per thread at most
 * @throws IllegalArgumentException when a range is empty or starts below 1, naming which
 */
public record ThreadDistribution(int minThreads, int maxThreads, int minOperations,
    int maxOperations) {
  /** 2 to 4 threads of 1 to 5 operations. */
  public static final ThreadDistribution DEFAULT = new ThreadDistribution(2, 4, 1, 5);

  public ThreadDistribution {
    check("threads", minThreads, maxThreads);
    check("operations per thread", minOperations, maxOperations);
  }

  private static void check(String what, int min, int max) {
    if (min < 1 || min > max) {
      throw new IllegalArgumentException("ThreadDistribution needs 1 <= min <= max " + what
          + ", was " + min + " to " + max);
    }
  }
}
