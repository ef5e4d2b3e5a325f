package dev.weft.testbench.bench;

import java.util.List;

/**
 * Median and range of one measure over the runs of a row (one run per seed). A run that found no bug
 * has no value for "executions to the first bug": it counts as infinitely late, so the median is
 * unknown once half the runs or more found nothing. Immutable.
 */
final class Samples {
  static final Samples NONE = new Samples(List.of(), 0);

  private final double[] sorted;
  private final int runs;

  private Samples(List<Double> values, int runs) {
    this.sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    this.runs = runs;
  }

  /** The values of the runs that produced one, out of {@code runs} runs in all. */
  static Samples of(List<Double> values, int runs) {
    if (values.size() > runs) throw new IllegalArgumentException(values.size() + " > " + runs);
    return new Samples(values, runs);
  }

  /** The median over all runs, a run without a value counting as +infinity; NaN when unknown. */
  double median() {
    if (runs == 0) return Double.NaN;
    double lower = at((runs - 1) / 2);
    double upper = at(runs / 2);
    return Double.isInfinite(lower) || Double.isInfinite(upper) ? Double.NaN : (lower + upper) / 2;
  }

  /** The smallest value, or NaN when no run produced one. */
  double min() {
    return sorted.length == 0 ? Double.NaN : sorted[0];
  }

  /** The largest value, or NaN when no run produced one. */
  double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  private double at(int index) {
    return index < sorted.length ? sorted[index] : Double.POSITIVE_INFINITY;
  }
}
