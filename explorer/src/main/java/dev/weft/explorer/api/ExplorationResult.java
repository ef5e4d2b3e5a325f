package dev.weft.explorer.api;

import dev.weft.explorer.report.Counts;
import java.time.Duration;
import java.util.Optional;

/**
 * What an exploration did.
 *
 * <p>Public API since 0.1.
 *
 * @param executions executions run
 * @param elapsed wall-clock time of the exploration
 * @param stopReason why it stopped
 * @param failure the first bug found, if any
 * @param statistics counts of what it saw
 */
public record ExplorationResult(
    int executions,
    Duration elapsed,
    StopReason stopReason,
    Optional<Failure> failure,
    Statistics statistics) {

  /** Why an exploration stopped. */
  public enum StopReason {
    /** Every requested execution ran. */
    ITERATIONS_DONE,
    /** The time limit was reached first. */
    TIME_LIMIT,
    /** A bug was found. */
    BUG_FOUND,
    /** A systematic search explored everything it would ever explore. */
    EXHAUSTED
  }

  /** Executions per second over the whole exploration. */
  public double executionsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : executions / seconds;
  }

  /** Assertion style: throws an {@link AssertionError} holding the trace and replay hint. */
  public ExplorationResult assertNoFailure() {
    if (failure.isPresent()) {
      Failure f = failure.get();
      throw new AssertionError(f.message(), f.error());
    }
    return this;
  }

  /** What a proof covers: synchronization, and the plain accesses found racing. */
  private String proofScope() {
    java.util.List<String> sites = statistics.racingSites();
    if (sites.isEmpty()) return "every interleaving class covered";
    return "every interleaving of synchronization and of the racing plain accesses ("
        + String.join(", ", sites) + ") covered";
  }

  /** One line: executions, time, rate, outcome. */
  public String summary() {
    String outcome = failure.map(f -> "bug found: " + f.summary()).orElseGet(() -> {
      if (statistics.coveredEverything()) return "exhaustive: " + proofScope() + ", no bug";
      if (stopReason == StopReason.EXHAUSTED && statistics.racingSites() == null) {
        return "no bug in every interleaving of synchronization explored, but plain accesses were"
            + " not watched (the agent runs without races), so it is no proof for a program with"
            + " data races";
      }
      if (stopReason == StopReason.EXHAUSTED) {
        return "no bug in every execution within the preemption bound (a bound, not a proof)";
      }
      return "no bug found (" + stopReason.name().toLowerCase(java.util.Locale.ROOT) + ")";
    });
    String pruned = statistics.pruned() == 0 ? "" : ", " + statistics.pruned() + " pruned";
    return String.format(java.util.Locale.ROOT, "%s%s (%s) in %.2f s (%.0f/s), %s",
        Counts.of(executions, "execution", "executions"), pruned,
        Counts.of(statistics.distinctClasses(), "interleaving class", "interleaving classes"),
        elapsed.toNanos() / 1e9, executionsPerSecond(), outcome);
  }
}
