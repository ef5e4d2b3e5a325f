package dev.weft.explorer.property;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What checking a property did.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param status how it ended
 * @param tests tests run and not discarded, the failing one included
 * @param discarded tests discarded by {@link TestContext#assume}
 * @param counterexample the first failing input (smallest test number), shrunk; empty unless
 *     {@link Status#FAILED}
 * @param seed the seed that reproduces this run, with {@link ForAll#withSeed(long)}
 * @param labels the labels of the tests counted in {@code tests}
 * @param coverage the requirements of {@link ForAll#cover}, in the order given, as the tests
 *     counted met them; unmodifiable
 * @param elapsed wall-clock time, shrinking included
 */
public record PropertyResult<T>(Status status, int tests, int discarded,
    Optional<Counterexample<T>> counterexample, long seed, LabelTable labels,
    List<Coverage> coverage, Duration elapsed) {
  public PropertyResult {
    coverage = List.copyOf(coverage);
  }

  /** How a property check ended. */
  public enum Status {
    /** Every test passed. */
    PASSED,
    /** A test failed; see {@link #counterexample()}. */
    FAILED,
    /** Too many tests were discarded to reach the number asked for. */
    GAVE_UP,
    /** Every test passed, but a label of {@link ForAll#cover} was seen less often than required. */
    INSUFFICIENT_COVERAGE
  }

  /** Whether every test passed. */
  public boolean passed() {
    return status == Status.PASSED;
  }

  /** Throws an {@link AssertionError} with {@link #report()} unless every test passed. */
  public PropertyResult<T> assertHolds() {
    if (!passed()) {
      throw new AssertionError(report(), counterexample.map(Counterexample::error).orElse(null));
    }
    return this;
  }

  /** What happened, the counterexample and its error, the labels, and how to reproduce it. */
  public String report() {
    StringBuilder s = new StringBuilder();
    switch (status) {
      case PASSED -> s.append("Property held for ").append(tests).append(" tests");
      case FAILED -> s.append("Property failed at test ").append(counterexample.get().test());
      case GAVE_UP -> s.append("Property gave up after ").append(discarded)
          .append(" discarded tests, with ").append(tests).append(" passed");
      case INSUFFICIENT_COVERAGE -> s.append("Property held for ").append(tests)
          .append(" tests but not their coverage");
    }
    if (status != Status.GAVE_UP && discarded > 0) {
      s.append(" (").append(discarded).append(" discarded)");
    }
    s.append(String.format(java.util.Locale.ROOT, ", seed %d, in %.2f s%n", seed,
        elapsed.toNanos() / 1e9));
    counterexample.ifPresent(c -> {
      s.append("  counterexample: ").append(c.shrunk()).append('\n');
      s.append("  original:       ").append(c.original()).append(" (shrunk in ")
          .append(c.shrinkSteps()).append(c.shrinkSteps() == 1 ? " step)" : " steps)").append('\n');
      s.append("  error:          ").append(c.error()).append('\n');
    });
    if (status == Status.GAVE_UP) {
      s.append("  assume(...) rejected most inputs: generate inputs that satisfy it (with map or"
          + " filter) instead\n");
    }
    coverage.stream().filter(c -> !c.met())
        .forEach(c -> s.append("  insufficient coverage: ").append(c).append('\n'));
    if (!labels.counts().isEmpty()) s.append("Labels (").append(labels.tests()).append(" tests):\n")
        .append(labels);
    if (!passed()) s.append("Reproduce with .withSeed(").append(seed).append(")\n");
    return s.toString();
  }
}
