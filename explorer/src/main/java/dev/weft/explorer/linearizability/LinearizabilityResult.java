package dev.weft.explorer.linearizability;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import java.util.Optional;

/**
 * What a linearizability check did.
 *
 * <p>Public API since 0.2.
 *
 * @param scenariosExplored scenarios explored, the failing one included
 * @param drawnScenario the first scenario drawn with a non-linearizable execution, or null
 * @param failingScenario that scenario minimised (fewest threads, then fewest calls, that still
 *     fail), or null
 * @param lastExploration the exploration of the failing scenario, or of the last one explored
 */
public record LinearizabilityResult(int scenariosExplored, Scenario drawnScenario,
    Scenario failingScenario, ExplorationResult lastExploration) {
  /** The failure of the failing scenario: its trace, schedule and message. */
  public Optional<Failure> failure() {
    return lastExploration.failure();
  }

  /**
   * Throws an {@link AssertionError} with the failure's report (headline, trace, history and why
   * no order explains it) and how to replay it, when a scenario failed; so a JUnit {@code @Test}
   * that ends with it fails with all a reader needs.
   */
  public void assertLinearizable() {
    Optional<Failure> failed = failure();
    if (failed.isEmpty()) return;
    Failure f = failed.get();
    String schedule = f.scheduleFile() != null ? f.scheduleFile().toString() : f.schedule();
    throw new AssertionError(f.report() + "\nFailing scenario: " + failingScenario
        + "\nReplay it: check.replay(result.failingScenario(), \""
        + schedule.replace("\\", "\\\\").replace("\"", "\\\"") + "\")\n", f.error());
  }
}
