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

  /** Throws an {@link AssertionError} with the failing history, trace and replay hint. */
  public void assertLinearizable() {
    lastExploration.assertNoFailure();
  }
}
