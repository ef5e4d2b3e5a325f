package dev.weft.explorer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.samples.docs.ScenarioExamples;
import dev.weft.samples.harness.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The counter service, as docs/scenarios.md shows it: the check-then-act counter is caught
 * under Weft's scheduler (the injected crash is what lets its count go below zero) and replays; the
 * locked counter passes the budget and, on real threads, every check but the wall-time one, which
 * a 1 ns bound shows is checked; the pool leaks only when it does
 * not give back in finally. The page and the README quote the code exactly.
 */
class ScenarioDocsTest {
  private static final Path SOURCE =
      Path.of("src/test/java/dev/weft/samples/docs/ScenarioExamples.java");

  @Test
  void theCheckThenActCounterGoesBelowZeroWhenAnIncrementCrashesAndTheRunReplays() {
    Scenario<Services.Counter> buggy =
        ScenarioExamples.counter(() -> new Services.CheckThenDecrement(0));
    ScenarioResult result = ScenarioExamples.explore(buggy);
    assertFalse(result.passed());
    ScenarioReport report = result.report();
    assertEquals(List.of("invariant: java.lang.AssertionError: the count is -1"),
        report.failures());
    // Every thread increments before it decrements, so only a crashed increment lets it go below.
    assertTrue(report.events().stream().anyMatch(e -> e.kind() == Event.Kind.FAILED
        && e.action().equals("increment")
        && e.detail().equals("java.lang.IllegalStateException: crashed")), report::toJson);
    ReplayRoundTrip.assertReplays(buggy, report);
  }

  @Test
  void theLockedCounterPassesTheWholeBudgetAndItsChecksOnRealThreads() {
    Scenario<Services.Counter> correct =
        ScenarioExamples.counter(() -> new Services.LockedCounter(0));
    ScenarioResult explored = ScenarioExamples.explore(correct);
    explored.assertPassed();
    assertEquals(300, explored.exploration().executions(), explored.exploration().summary());

    ScenarioResult real = Harness.run(correct);
    // The example's 100 ms is its own bound; on a shared machine real time is not this test's to
    // promise, so every check but that one must hold (the 1 ns bound below shows it is checked).
    assertTrue(real.report().failures().stream().allMatch(f -> f.contains("above maxTime 100")),
        real.report().failures()::toString);
    assertEquals(10, real.report().performance().actions());
    // No run takes less than a nanosecond: a bound from outside that fails on any machine.
    ScenarioResult tooSlow =
        Harness.runWithPerformance(correct, PerformanceBounds.none().maxTime(Duration.ofNanos(1)));
    assertTrue(tooSlow.report().failures().stream()
        .anyMatch(f -> f.matches("took \\d+\\.\\d{3} ms, above maxTime 0.000001 ms")),
        tooSlow.report().failures()::toString);
  }

  @Test
  void anInterruptedBorrowerLeaksFromTheLeakyPoolOnly() {
    ScenarioResult leaky = ScenarioExamples.pool(Services.Pool::useLeaky);
    assertEquals(List.of("invariant: java.lang.AssertionError: a connection leaked"),
        leaky.report().failures());
    ScenarioResult safe = ScenarioExamples.pool(Services.Pool::useSafely);
    safe.assertPassed();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, safe.exploration().stopReason(),
        safe.exploration().summary());
  }

  @Test
  void thePageAndTheReadmeQuoteTheExamplesVerbatim() throws Exception {
    String source = Files.readString(SOURCE);
    String page = Files.readString(Path.of("../docs/scenarios.md"));
    for (String name : new String[] {"pool", "counter", "explore", "workloads"}) {
      String snippet = snippet(source, name);
      assertTrue(page.contains(snippet), "docs/scenarios.md must contain the '" + name
          + "' example exactly as compiled in " + SOURCE + ":\n" + snippet);
    }
    assertTrue(Files.readString(Path.of("../README.md")).contains(snippet(source, "pool")),
        "README.md's ways in must show the pool scenario as compiled in " + SOURCE);
  }

  private static String snippet(String source, String name) {
    String start = "// docs:" + name + "\n";
    int from = source.indexOf(start) + start.length();
    int to = source.indexOf("// end", from);
    return source.substring(from, source.lastIndexOf('\n', to)).stripIndent() + "\n";
  }
}
