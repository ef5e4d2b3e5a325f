package dev.weft.explorer.property;

import java.time.Duration;
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
 * @param seed the seed the workloads were drawn from
 * @param elapsed wall-clock time, shrinking included
 */
public record WorkloadResult<S>(int tests, int executions,
    Optional<Counterexample<ConcurrentWorkload<S>>> counterexample,
    Optional<InterleavingResult<S>> failure, long seed, Duration elapsed) {

  /** Whether every execution of every workload passed the check. */
  public boolean passed() {
    return counterexample.isEmpty();
  }

  /** Throws an {@link AssertionError} with {@link #report()} unless every workload passed. */
  public WorkloadResult<S> assertHolds() {
    if (!passed()) throw new AssertionError(report(), counterexample.get().error());
    return this;
  }

  /** The counts; for a failure, the shrunk and original workloads, Weft's report and the replay. */
  public String report() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s %d (%d executions, seed %d,"
        + " %.2f s)%n", passed() ? "Held for every workload of" : "Failed at workload", tests,
        executions, seed, elapsed.toNanos() / 1e9));
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
