package dev.weft.testbench.scale;

/** A scale program's first argument: its thread count, 2 when absent. */
final class ThreadCount {
  private ThreadCount() {}

  static int of(String[] args) {
    int n = args.length == 0 ? 2 : Integer.parseInt(args[0]);
    if (n < 1) throw new IllegalArgumentException("the thread count must be at least 1, not " + n);
    return n;
  }
}
