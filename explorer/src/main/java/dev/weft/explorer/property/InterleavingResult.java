package dev.weft.explorer.property;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link ForAllInterleavings#check()} did.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param strategy how interleavings were chosen
 * @param exploration Weft's result: executions, time, statistics and the failure with its trace
 *     and schedule
 * @param failingTrace the named threads' operations and final state in the failure's schedule, as
 *     its replay gave them; empty without a failure, or when it ended before every thread did (a
 *     deadlock)
 */
public record InterleavingResult<S>(SchedulingStrategy strategy, ExplorationResult exploration,
    Optional<ExecutionTrace<S>> failingTrace) {

  /** How the check ended. */
  public enum Verdict {
    /** Systematic search covered every interleaving class and none failed: a proof. */
    PROVED,
    /** No interleaving run failed, but not every one was run: a sample or a cut-short search. */
    NO_FAILURE_FOUND,
    /** An interleaving failed; see {@link #failure()}. */
    FAILED
  }

  public Verdict verdict() {
    if (failure().isPresent()) return Verdict.FAILED;
    return exhaustive() ? Verdict.PROVED : Verdict.NO_FAILURE_FOUND;
  }

  /** Executions run, shrinking not included. */
  public int executions() {
    return exploration.executions();
  }

  /**
   * Whether the search covered every interleaving class of the scenario (plain accesses found
   * racing included): only {@link SchedulingStrategy#SYSTEMATIC}, only when it ran out of classes
   * within the budget, and only when the agent watches plain accesses.
   */
  public boolean exhaustive() {
    return exploration.statistics().coveredEverything();
  }

  /** The first interleaving that failed: Weft's report, its trace and its replayable schedule. */
  public Optional<Failure> failure() {
    return exploration.failure();
  }

  /** Each thread's result in the failing interleaving, by name in declaration order; else empty. */
  public Map<String, Outcome<Object>> threadResults() {
    Map<String, Outcome<Object>> results = new LinkedHashMap<>();
    failingTrace.ifPresent(t -> t.operations().forEach(o -> results.put(o.thread(), o.outcome())));
    return results;
  }

  /** Throws an {@link AssertionError} with {@link #report()} when an interleaving failed. */
  public InterleavingResult<S> assertHolds() {
    if (verdict() == Verdict.FAILED) {
      throw new AssertionError(report(), failure().get().error());
    }
    return this;
  }

  /** Throws an {@link AssertionError} with {@link #report()} unless the verdict is a proof. */
  public InterleavingResult<S> assertProved() {
    assertHolds();
    if (verdict() != Verdict.PROVED) {
      throw new AssertionError(report() + "Not a proof: use SchedulingStrategy.SYSTEMATIC with an"
          + " iterations budget above the scenario's interleaving classes.\n");
    }
    return this;
  }

  /**
   * The verdict and Weft's summary; for a failure, Weft's report (its error shows the threads'
   * results and the final state) and how to replay it.
   */
  public String report() {
    StringBuilder s = new StringBuilder("forAllInterleavings (")
        .append(strategy.name().toLowerCase(java.util.Locale.ROOT)).append("): ")
        .append(switch (verdict()) {
          case PROVED -> "proved over every interleaving class";
          case NO_FAILURE_FOUND -> "no failure found, not a proof";
          case FAILED -> "failed";
        }).append("; ").append(exploration.summary()).append('\n');
    failure().ifPresent(f -> {
      s.append(f.report()).append("Replay it:\n");
      if (f.scheduleFile() != null) {
        s.append("  property.executeInterleaving(\"").append(f.scheduleFile()).append("\")\n");
      }
      s.append("  property.executeInterleaving(\"").append(f.schedule()).append("\")\n");
    });
    return s.toString();
  }
}
