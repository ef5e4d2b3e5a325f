package dev.weft.explorer.linearizability;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.junit.ReplayHint;
import java.util.Optional;

/**
 * What a linearizability check did: explored scenarios, or, under {@code -Dweft.replay}, replayed
 * one execution.
 *
 * <p>Public API since 0.2.
 *
 * @param scenariosExplored scenarios explored, the failing one included; 0 for a replay
 * @param drawnScenario the first scenario drawn with a non-linearizable execution, or null; for a
 *     replay, the scenario drawn that the replayed one was minimised from
 * @param failingScenario that scenario minimised (fewest threads, then fewest calls, that still
 *     fail), or null; for a replay, the scenario replayed
 * @param lastExploration the exploration of the failing scenario, or of the last one explored; null
 *     for a replay
 * @param replayed what replaying the schedule of {@code -Dweft.replay} did; null when the check
 *     explored
 */
public record LinearizabilityResult(int scenariosExplored, Scenario drawnScenario,
    Scenario failingScenario, ExplorationResult lastExploration, ReplayResult replayed) {
  /** The failure of the failing scenario (or of the replay): its trace, schedule and message. */
  public Optional<Failure> failure() {
    return replayed != null ? replayed.failure() : lastExploration.failure();
  }

  /**
   * Throws an {@link AssertionError} with the failure's report (headline, trace, history and why
   * no order explains it) and how to replay it, when a scenario failed; so a JUnit {@code @Test}
   * that ends with it fails with all a reader needs. The replay is a command line that runs the
   * calling test method again with {@code -Dweft.replay}, and the same in code. After a replay it
   * fails as an {@code @InterleavingTest}'s replay does: when the failure came back, or when the
   * execution no longer followed the schedule.
   */
  public void assertLinearizable() {
    if (replayed != null) {
      switch (replayed.status()) {
        case REPRODUCED -> throw new AssertionError(
            "Replayed: " + replayed.failure().orElseThrow().report(),
            replayed.failure().orElseThrow().error());
        case DIVERGED -> throw new AssertionError("The replay did not follow the schedule:\n"
            + replayed.message() + "\n" + replayed.trace());
        case NO_FAILURE -> {
          return; // the schedule ran to its end and the history was linearizable
        }
      }
    }
    Optional<Failure> failed = failure();
    if (failed.isEmpty()) return;
    Failure f = failed.get();
    String schedule = f.scheduleFile() != null ? f.scheduleFile().toString() : f.schedule();
    StringBuilder s = new StringBuilder(f.report()).append("\nFailing scenario: ")
        .append(failingScenario).append('\n');
    String caller = caller();
    if (f.scheduleFile() != null && caller != null) {
      s.append("Replay it, the test unchanged, from the directory the test ran in:\n  ")
          .append(ReplayHint.command(caller, f.scheduleFile().toString())).append("\nor in code: ");
    } else {
      s.append("Replay it: ");
    }
    s.append("check.replay(result.failingScenario(), \"")
        .append(schedule.replace("\\", "\\\\").replace("\"", "\\\"")).append("\")\n");
    throw new AssertionError(s.toString(), f.error());
  }

  /** {@code Class#method} of the method that called {@link #assertLinearizable}, or null. */
  private static String caller() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !f.getClassName().equals(LinearizabilityResult.class.getName()))
        .findFirst()
        .map(f -> f.getClassName() + "#" + f.getMethodName())
        .orElse(null));
  }
}
