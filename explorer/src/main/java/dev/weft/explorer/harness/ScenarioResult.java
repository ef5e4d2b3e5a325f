package dev.weft.explorer.harness;

import dev.weft.explorer.api.ExplorationResult;

/**
 * A scenario's verdict: the report of the run that decided it, and for a controlled run the
 * exploration's result (executions, statistics, the failure as any exploration reports it).
 *
 * <p>Public API since 0.2.
 *
 * @param report the failing run's report, or the last run's when all passed
 * @param exploration the exploration, for a controlled run; null for a real-thread run
 */
public record ScenarioResult(ScenarioReport report, ExplorationResult exploration) {
  public boolean passed() {
    return report.passed() && (exploration == null || exploration.failure().isEmpty());
  }

  /** Throws an {@link AssertionError} with the verdict, the schedule and the trace when it failed. */
  public ScenarioResult assertPassed() {
    if (passed()) return this;
    StringBuilder s = new StringBuilder("Scenario ").append(report.verdict()).append('\n');
    if (exploration != null) s.append(exploration.summary()).append('\n');
    if (report.trace() != null) s.append('\n').append(report.trace()).append('\n');
    if (report.schedule() != null) {
      s.append("Replay it: Harness.replay(scenario, \"").append(report.schedule())
          .append("\")\n");
    }
    throw new AssertionError(s.toString());
  }
}
