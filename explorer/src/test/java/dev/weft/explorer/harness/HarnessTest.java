package dev.weft.explorer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.samples.harness.Services;
import dev.weft.explorer.report.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Scenarios as the docs write them: bugs found under Weft's scheduler and replayed to the same
 * trace, their fixes passing every explored run, and the mailbox and performance checks failing
 * when their bounds are passed.
 */
class HarnessTest {
  private static Options dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(5_000).testName(name).build();
  }

  private static Scenario<Services.Counter> counter(Supplier<Services.Counter> factory) {
    return Scenario.simple(factory,
        List.of(Action.call("decrement", c -> {
          c.decrement();
          return c.get();
        })),
        2, ScenarioOptions.<Services.Counter>builder()
            .invariant((c, context) -> {
              if (c.get() < 0) throw new AssertionError("count is " + c.get());
            })
            .metadata("service", "counter")
            .build());
  }

  @Test
  void aCheckThenActCounterGoesBelowZeroAndTheRunReplaysExactly() {
    Scenario<Services.Counter> scenario = counter(() -> new Services.CheckThenDecrement(1));
    ScenarioResult result = Harness.explore(scenario, dfs("harness-counter"));
    assertFalse(result.passed());
    ScenarioReport report = result.report();
    assertEquals(List.of("invariant: java.lang.AssertionError: count is -1"), report.failures());
    assertEquals("counter", report.metadata().get("service"));
    assertNotNull(report.schedule());
    assertTrue(report.trace().contains("script-1") && report.trace().contains("script-2"),
        report.trace());
    AssertionError e = assertThrows(AssertionError.class, result::assertPassed);
    assertTrue(e.getMessage().contains("Harness.replay(scenario, \"weft1;"), e.getMessage());

    ReplayRoundTrip.assertReplays(scenario, report);
  }

  @Test
  void aFailingScenarioAddsItsReportToTheFailuresPage() throws Exception {
    ScenarioResult result = Harness.explore(
        counter(() -> new Services.CheckThenDecrement(1)), dfs("harness-page"));
    Path schedule = result.exploration().failure().orElseThrow().scheduleFile();
    String page = Files.readString(ReportFiles.beside(schedule, ReportFiles.HTML));
    int section = page.indexOf("<h2>Scenario</h2>");
    assertTrue(section > page.indexOf("class=\"diagram\""), "the section follows the diagram");
    assertTrue(page.indexOf("</body>") > section, "inside the page's body");
    assertTrue(page.indexOf("<h2>Replay it</h2>") > section, "how to replay it stays last");
    assertTrue(page.contains("<p>Failed: invariant: java.lang.AssertionError: count is -1</p>"),
        page);
    assertTrue(page.contains("<p>Metadata: {service=counter}</p>"), page);
    assertTrue(page.contains("<tr><td>script-1</td><td>decrement</td><td>CALL</td>"), page);
  }

  @Test
  void theLockedCounterHoldsInEveryInterleaving() {
    ScenarioResult result =
        Harness.explore(counter(() -> new Services.LockedCounter(1)), dfs("harness-locked"));
    result.assertPassed();
    ExplorationResult exploration = result.exploration();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, exploration.stopReason(),
        exploration.summary());
    assertTrue(exploration.statistics().coveredEverything(), exploration.summary());
    // Each thread's call recorded what it saw after its decrement: one 0, and 0 or 1 before it.
    assertEquals(2, result.report().events().stream()
        .filter(e -> e.kind() == Event.Kind.CALL).count());
  }

  private static Scenario<Services.Pool> pool(boolean safe, int capacity) {
    return Scenario.simple(() -> new Services.Pool(capacity),
        List.of(Action.custom("use", safe ? Services.Pool::useSafely : Services.Pool::useLeaky)),
        2, ScenarioOptions.<Services.Pool>builder()
            .chaos(Chaos.interrupt(0))
            .invariant((pool, context) -> {
              if (pool.available() != pool.capacity()) {
                throw new AssertionError("a connection leaked: " + pool.available() + " of "
                    + pool.capacity() + " free");
              }
            })
            .build());
  }

  @Test
  void anInterruptedBorrowerLeaksAConnectionFoundWithTheChaosInTheTrace() {
    ScenarioResult result = Harness.explore(pool(false, 2), dfs("harness-pool"));
    assertFalse(result.passed());
    assertEquals(List.of("invariant: java.lang.AssertionError: a connection leaked: 1 of 2 free"),
        result.report().failures());
    assertTrue(result.report().trace().contains("chaos-1"), result.report().trace());
    assertTrue(result.report().events().stream()
        .anyMatch(e -> e.kind() == Event.Kind.CHAOS && e.action().equals("interrupt script-1")));
    ReplayRoundTrip.assertReplays(pool(false, 2), result.report());
  }

  /** With one connection, the leak leaves the other borrower waiting forever. */
  @Test
  void aRunThatDeadlocksIsReportedWithWeftsFailure() {
    ScenarioResult result = Harness.explore(pool(false, 1), dfs("harness-pool-deadlock"));
    assertFalse(result.passed());
    assertTrue(result.report().failures().get(0).startsWith("deadlock: "),
        result.report().failures().toString());
    ReplayRoundTrip.assertReplays(pool(false, 1), result.report());
  }

  @Test
  void aBorrowerThatGivesBackInFinallyLeaksNothingWhereverTheInterruptStrikes() {
    ScenarioResult result = Harness.explore(pool(true, 1), dfs("harness-pool-safe"));
    result.assertPassed();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.exploration().stopReason(),
        result.exploration().summary());
  }

  private static <T> Scenario<T> casts(Supplier<T> factory, Action<T> add) {
    return Scenario.simple(factory, List.of(add, add, add), 3,
        ScenarioOptions.<T>builder().maxMailboxDepth(4).build());
  }

  @Test
  void castsThatOutrunTheMailboxFailItsDepthBound() {
    ScenarioResult result = Harness.explore(
        casts(Services.Tally::new, Action.cast("add", Services.Tally::add)),
        Options.builder().strategy(StrategyKind.RANDOM).iterations(2_000).testName("harness-mailbox")
            .build());
    assertFalse(result.passed());
    String failure = result.report().failures().get(0);
    assertTrue(failure.matches("mailbox depth reached \\d, above the maximum of 4"), failure);
    assertTrue(result.report().mailbox().max() > 4);
  }

  @Test
  void aBoundedMailboxNeverPassesItsBound() {
    ScenarioResult result = Harness.explore(
        casts(Services.BoundedTally::new, Action.cast("add", Services.BoundedTally::add)),
        Options.builder().strategy(StrategyKind.RANDOM).iterations(300)
            .testName("harness-bounded").build());
    result.assertPassed();
    assertTrue(result.report().mailbox().max() <= 4);
  }

  /** Two threads cast an add each into the target's own pool; the invariant wants both. */
  private static Scenario<Services.PooledTally> pooled(Supplier<Services.PooledTally> factory) {
    return Scenario.simple(factory, List.of(Action.cast("add", Services.PooledTally::add)), 2,
        ScenarioOptions.<Services.PooledTally>builder()
            .invariant((tally, context) -> {
              if (tally.total() != 2) throw new AssertionError("total " + tally.total());
            })
            .build());
  }

  @Test
  void castsIntoATargetsOwnExecutorLoseAnAddThatTheRunReplays() {
    Scenario<Services.PooledTally> scenario = pooled(Services.ReadThenWriteTally::new);
    ScenarioResult result = Harness.explore(scenario, dfs("harness-executor-lost"));
    assertFalse(result.passed());
    assertEquals(List.of("invariant: java.lang.AssertionError: total 1"),
        result.report().failures());
    ReplayRoundTrip.assertReplays(scenario, result.report());
  }

  /** Not vacuous: without the drain, a run where a worker has not begun an add would fail. */
  @Test
  void anExecutorMailboxDrainsEveryCastBeforeTheInvariant() {
    ScenarioResult result =
        Harness.explore(pooled(Services.AtomicTally::new), dfs("harness-executor-drain"));
    result.assertPassed();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.exploration().stopReason(),
        result.exploration().summary());
  }

  @Test
  void theHarnessMailboxDrainsBeforeTheInvariant() {
    Scenario<Services.Tally> scenario = Scenario.simple(Services.Tally::new,
        List.of(Action.cast("add", Services.Tally::add), Action.cast("add", Services.Tally::add)),
        2, ScenarioOptions.<Services.Tally>builder()
            .invariant((tally, context) -> {
              if (tally.total() != 4) throw new AssertionError("total " + tally.total());
            })
            .build());
    Harness.explore(scenario, dfs("harness-drain")).assertPassed();
    Harness.run(scenario).assertPassed();
  }

  @Test
  void onRealThreadsTheWallTimeBoundsAreChecked() {
    Scenario<Services.Counter> generous = Scenario.simple(() -> new Services.LockedCounter(0),
        List.of(Action.call("increment", c -> {
          c.increment();
          return null;
        })), 3, ScenarioOptions.<Services.Counter>builder()
            .maxTime(Duration.ofMinutes(10)).maxLatency("increment", 99, Duration.ofMinutes(10))
            .build());
    ScenarioResult passed = Harness.run(generous);
    passed.assertPassed();
    assertNull(passed.exploration());
    assertEquals(3, passed.report().performance().actions());
    assertTrue(passed.report().toJson().contains("\"kind\": \"CALL\""), passed.report().toJson());

    // No run takes less than a nanosecond: this bound fails on any machine.
    Scenario<Services.Counter> impossible = new Scenario<>(generous.factory(), generous.scripts(),
        ScenarioOptions.<Services.Counter>builder().maxTime(Duration.ofNanos(1)).build());
    ScenarioResult failed = Harness.run(impossible);
    assertFalse(failed.passed());
    assertTrue(failed.report().failures().get(0)
            .matches("took \\d+\\.\\d{3} ms, above maxTime 0.000001 ms"),
        failed.report().failures().toString());
  }

  @Test
  void anActionSlowerThanTheCallTimeoutFailsARealThreadRunOnly() {
    Scenario<Services.Tally> napping = Scenario.simple(Services.Tally::new,
        List.of(Action.custom("nap", tally -> {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        })), 1, ScenarioOptions.<Services.Tally>builder().callTimeout(Duration.ofMillis(1))
            .build());
    ScenarioResult real = Harness.run(napping);
    assertEquals(1, real.report().failures().size(), real.report().failures()::toString);
    String failure = real.report().failures().get(0);
    assertTrue(failure.matches("script-1's nap took \\d+\\.\\d ms, above the call timeout of 1 ms"),
        failure);
    // Under the scheduler the sleep is virtual, and so is the timeout: not checked.
    Harness.explore(napping, dfs("harness-call-timeout")).assertPassed();
  }

  @Test
  void boundsFromOutsideHoldOnTopOfTheScenariosOwn() {
    Scenario<Services.Tally> scenario = Scenario.simple(Services.Tally::new,
        List.of(Action.call("total", Services.Tally::total)), 2,
        ScenarioOptions.<Services.Tally>builder().maxTime(Duration.ofMinutes(10)).build());
    Harness.runWithPerformance(scenario, PerformanceBounds.none()
        .maxLatency("total", 50, Duration.ofMinutes(10))).assertPassed();
    // No run takes less than a nanosecond: the outside bound is the stricter one, and fails.
    ScenarioResult failed = Harness.runWithPerformance(scenario,
        PerformanceBounds.none().maxTime(Duration.ofNanos(1)));
    assertTrue(failed.report().failures().get(0)
            .matches("took \\d+\\.\\d{3} ms, above maxTime 0.000001 ms"),
        failed.report().failures()::toString);
  }

  @Test
  void bareOperationsAreCallsOrCastsAsTheOptionsSay() {
    List<Action<Services.Tally>> bare = List.of(Action.of("add", Services.Tally::add));
    ScenarioReport calls = Harness.run(Scenario.simple(Services.Tally::new, bare, 2,
        ScenarioOptions.<Services.Tally>builder().build())).report();
    assertEquals(List.of(Event.Kind.CALL, Event.Kind.CALL),
        calls.events().stream().map(Event::kind).toList());
    ScenarioReport casts = Harness.run(Scenario.simple(Services.Tally::new, bare, 2,
        ScenarioOptions.<Services.Tally>builder().defaultKind(Action.Kind.CAST).build())).report();
    assertEquals(2, casts.events().stream().filter(e -> e.kind() == Event.Kind.CAST).count());
    assertEquals(2, casts.events().stream().filter(e -> e.kind() == Event.Kind.MESSAGE).count());
  }
}
