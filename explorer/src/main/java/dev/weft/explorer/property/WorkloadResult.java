package dev.weft.explorer.property;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link ForAllWorkloads#check()} did.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param tests workloads explored, the failing one included
 * @param executions executions run over their explorations, shrinking not included
 * @param counterexample the failing workload as generated and shrunk, with the error of the
 *     shrunk one's failing execution; empty when every workload passed
 * @param failure the shrunk workload's exploration: its failure's trace and replayable schedule
 *     (replay with {@code property.interleavings(shrunk).executeInterleaving(schedule)}) and the
 *     threads' results in it; empty when every workload passed
 * @param labels the share of executions that carried each label ({@link ForAllWorkloads#classify},
 *     {@link ForAllWorkloads#cover}), over the workloads that passed
 * @param coverage each {@link ForAllWorkloads#cover} requirement and how the executions met it
 * @param seed the seed the workloads were drawn from
 * @param elapsed wall-clock time, shrinking included
 */
public record WorkloadResult<S>(int tests, int executions,
    Optional<Counterexample<ConcurrentWorkload<S>>> counterexample,
    Optional<InterleavingResult<S>> failure, LabelTable labels, List<Coverage> coverage,
    long seed, Duration elapsed) {
  public WorkloadResult {
    coverage = List.copyOf(coverage);
  }

  /** Whether every execution of every workload passed the check, and every coverage was met. */
  public boolean passed() {
    return counterexample.isEmpty() && coverage.stream().allMatch(Coverage::met);
  }

  /**
   * Throws an {@link AssertionError} with {@link #report()} unless every workload passed and the
   * executions met every coverage requirement.
   */
  public WorkloadResult<S> assertHolds() {
    if (!passed()) {
      throw new AssertionError(report(), counterexample.map(Counterexample::error).orElse(null));
    }
    return this;
  }

  /** The counts; for a failure, the shrunk and original workloads, Weft's report and the replay. */
  public String report() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %d (%d executions, seed %d,"
        + " %.2f s)%n", counterexample.isPresent() ? "Failed at workload" : passed()
            ? "Held for every workload of" : "Held for every workload but not the coverage, of",
        tests, executions, seed, elapsed.toNanos() / 1e9));
    coverage.stream().filter(c -> !c.met())
        .forEach(c -> s.append("  insufficient coverage: ").append(c).append('\n'));
    if (!labels.counts().isEmpty()) {
      s.append("Labels (").append(labels.tests()).append(" executions):\n").append(labels);
    }
    counterexample.ifPresent(c -> {
      s.append("  counterexample: ").append(shape(c.shrunk())).append('\n');
      s.append("  original:       ").append(shape(c.original())).append(", shrunk in ")
          .append(c.shrinkSteps()).append(c.shrinkSteps() == 1 ? " step\n" : " steps\n");
      InterleavingResult<S> f = failure.get();
      s.append(f.report().replace("property.executeInterleaving(",
          "property.interleavings(counterexample).executeInterleaving("));
      s.append("Reproduce with .withSeed(").append(seed).append(")\n");
    });
    return s.toString();
  }

  private static String shape(ConcurrentWorkload<?> w) {
    return w + " (" + w.threadCount() + (w.threadCount() == 1 ? " thread, " : " threads, ")
        + w.operationsPerThread() + " operations)";
  }
}
