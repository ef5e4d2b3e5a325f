package dev.weft.testbench.programs;

/**
 * Size parameters of the scalable programs. {@code main} with no arguments runs the registered
 * configuration; a benchmark may pass larger sizes to measure how the search scales.
 */
final class Args {
  private Args() {}

  /** The {@code index}-th argument as a positive int, or {@code fallback} when it is absent. */
  static int size(String[] args, int index, int fallback) {
    if (args.length <= index) return fallback;
    int value = Integer.parseInt(args[index].trim());
    if (value < 1) throw new IllegalArgumentException("size argument " + index + " must be >= 1");
    return value;
  }
}
