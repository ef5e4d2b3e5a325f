package dev.weft.explorer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The replay round trip every failing scenario test makes: the report's schedule, replayed, gives
 * the same trace, events and failures.
 */
final class ReplayRoundTrip {
  private ReplayRoundTrip() {}

  static <T> void assertReplays(Scenario<T> scenario, ScenarioReport report) {
    ScenarioReport replayed = Harness.replay(scenario, report.schedule()).report();
    assertEquals(report.trace(), replayed.trace());
    assertEquals(report.events(), replayed.events());
    assertEquals(report.failures(), replayed.failures());
  }
}
