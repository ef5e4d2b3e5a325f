package dev.weft.explorer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.property.Call;
import dev.weft.explorer.property.ConcurrentWorkload;
import dev.weft.explorer.property.Gen;
import dev.weft.samples.docs.ScenarioExamples;
import dev.weft.samples.harness.Services;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Scenarios whose scripts the property layer generates: a drawn workload catches the counter that
 * checks, then acts, and replays; the same seed draws the same scripts; the locked counter passes.
 */
class FromPropertyTest {
  private static final Gen<ConcurrentWorkload<Services.Counter>> WORKLOADS =
      ScenarioExamples.counterWorkloads();

  private static final long SEED = 7;
  private static final int SIZE = 50;

  private static Scenario<Services.Counter> counter(Supplier<Services.Counter> factory) {
    return Scenario.fromProperty(factory, WORKLOADS, SEED, SIZE,
        ScenarioOptions.<Services.Counter>builder()
            .metadata("service", "counter")
            .invariant((c, context) -> {
              if (c.get() < 0) throw new AssertionError("the count is " + c.get());
            })
            .build());
  }

  private static Options dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(5_000).testName(name).build();
  }

  @Test
  void theSameSeedDrawsTheSameScripts() {
    Scenario<Services.Counter> scenario = counter(() -> new Services.CheckThenDecrement(1));
    assertEquals(SCRIPTS, names(scenario));
    assertEquals(SCRIPTS, names(counter(() -> new Services.LockedCounter(1))));
    assertEquals("7", scenario.options().metadata().get("seed"));
    assertEquals("50", scenario.options().metadata().get("size"));
    assertEquals("counter", scenario.options().metadata().get("service"));
    assertEquals(WORKLOADS.sample(SEED, SIZE).toString(),
        scenario.options().metadata().get("workload"));
  }

  private static List<List<String>> names(Scenario<?> scenario) {
    return scenario.scripts().stream()
        .map(script -> script.stream().map(a -> a.name()).toList()).toList();
  }

  /** What seed 7 at size 50 draws: two decrements racing on the last unit are enough. */
  private static final List<List<String>> SCRIPTS =
      List.of(List.of("decrement()", "decrement()"), List.of("decrement()"));

  @Test
  void aGeneratedWorkloadCatchesTheCheckThenActCounterAndReplays() {
    Scenario<Services.Counter> scenario = counter(() -> new Services.CheckThenDecrement(1));
    ScenarioResult result = Harness.explore(scenario, dfs("from-property"));
    assertFalse(result.passed());
    ScenarioReport report = result.report();
    assertEquals(List.of("invariant: java.lang.AssertionError: the count is -1"),
        report.failures());
    assertEquals("7", report.metadata().get("seed"));

    ReplayRoundTrip.assertReplays(scenario, report);
  }

  @Test
  void theLockedCounterPassesEveryInterleavingOfTheSameWorkload() {
    ScenarioResult result =
        Harness.explore(counter(() -> new Services.LockedCounter(1)), dfs("from-property-ok"));
    result.assertPassed();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.exploration().stopReason(),
        result.exploration().summary());
  }

  @Test
  void aRealThreadRunRunsEveryGeneratedCall() {
    ScenarioResult result = Harness.run(counter(() -> new Services.LockedCounter(1)));
    result.assertPassed();
    assertEquals(SCRIPTS.stream().mapToInt(List::size).sum(),
        result.report().events().stream().filter(e -> e.kind() == Event.Kind.CALL).count());
  }

  @Test
  void aCallsCheckedExceptionIsRecordedAsItsFailure() {
    ConcurrentWorkload<Services.Counter> workload = new ConcurrentWorkload<>(List.of(List.of(
        new Call<>("save", null, c -> {
          throw new IOException("disk full");
        }))));
    ScenarioResult result = Harness.run(
        Scenario.fromWorkload(() -> new Services.LockedCounter(0), workload,
            ScenarioOptions.defaults()));
    Event save = result.report().events().get(0);
    assertEquals(List.of("save()", "FAILED",
        "java.util.concurrent.CompletionException: java.io.IOException: disk full"),
        List.of(save.action(), save.kind().name(), save.detail()));
  }

  @Test
  void aSizeOutsideTheGeneratorsRangeIsRefusedSayingWhich() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Scenario.fromProperty(() -> new Services.LockedCounter(1), WORKLOADS, SEED, 100,
            ScenarioOptions.defaults()));
    assertEquals("size must be 0 to 99, was 100", e.getMessage());
  }
}
