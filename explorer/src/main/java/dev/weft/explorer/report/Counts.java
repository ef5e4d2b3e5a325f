package dev.weft.explorer.report;

/**
 * A count and its noun, in the number the count needs: {@code 1 execution}, {@code 2 executions}.
 * Internal: public for the explorer's packages.
 */
public final class Counts {
  private Counts() {}

  /** {@code n} and {@code one} when it is 1, else {@code n} and {@code many}. */
  public static String of(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }
}
