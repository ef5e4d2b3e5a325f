package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.VolatileCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The core loop end to end: explore, find, report, write the schedule, replay it exactly. */
class ExploreAndReplayTest {
  private static final Body LOST_UPDATE = () -> VolatileCounter.race(false);
  private static final Body NO_LOST_UPDATE = () -> VolatileCounter.race(true);

  private static Options options(StrategyKind strategy, String name) {
    return Options.builder().strategy(strategy).iterations(1_000).seed(42)
        .outputDir(Path.of("target/weft")).testName(name).build();
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void findsTheLostUpdateAndReplaysItExactly(StrategyKind strategy) throws Exception {
    ExplorationResult result =
        Weft.exploreInterleavings(options(strategy, "lost-update-" + strategy), LOST_UPDATE);
    assertEquals(ExplorationResult.StopReason.BUG_FOUND, result.stopReason());
    Failure f = result.failure().orElseThrow();
    assertEquals(FailureKind.EXCEPTION, f.kind());
    assertTrue(f.summary().contains("lost update: expected 2 but was 1"), f.summary());
    assertTrue(f.trace().contains("write VolatileCounter#1.value  VolatileCounter.java:"), f.trace());
    assertTrue(Files.exists(f.scheduleFile()), "schedule file " + f.scheduleFile());
    assertEquals(Path.of("target/weft/lost-update-" + strategy + ".json"), f.scheduleFile());

    for (String schedule : new String[] {f.scheduleFile().toString(), f.schedule()}) {
      ReplayResult replay = Weft.replay(schedule, LOST_UPDATE);
      assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
      assertEquals(f.trace(), replay.trace());
      assertEquals(f.trace(), replay.failure().orElseThrow().trace());
    }
  }

  @ParameterizedTest
  @EnumSource(StrategyKind.class)
  void correctTwinPassesTheWholeBudget(StrategyKind strategy) {
    ExplorationResult result =
        Weft.exploreInterleavings(options(strategy, "no-lost-update"), NO_LOST_UPDATE);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().message());
    if (strategy == StrategyKind.DFS || strategy == StrategyKind.PORTFOLIO) {
      // Systematic search, alone or in the portfolio, proves the twin and stops.
      assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
      assertTrue(result.statistics().coveredEverything());
      assertTrue(result.summary().contains("exhaustive: every interleaving class covered, no bug"),
          result.summary());
    } else {
      assertEquals(1_000, result.executions());
      assertEquals(ExplorationResult.StopReason.ITERATIONS_DONE, result.stopReason());
    }
  }

  @Test
  void sameSeedSameFirstFailure() {
    Failure a = Weft.exploreInterleavings(options(StrategyKind.RANDOM, "seed-a"), LOST_UPDATE)
        .failure().orElseThrow();
    Failure b = Weft.exploreInterleavings(options(StrategyKind.RANDOM, "seed-b"), LOST_UPDATE)
        .failure().orElseThrow();
    assertEquals(a.execution(), b.execution());
    assertEquals(a.schedule(), b.schedule());
    assertEquals(a.trace(), b.trace());
  }

  @Test
  void assertionStyleThrowsWithTraceAndReplayHint() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> Weft.exploreInterleavings(options(StrategyKind.RANDOM, "assert-style"), LOST_UPDATE)
            .assertNoFailure());
    assertTrue(e.getMessage().contains("Weft found a bug (exception)"), e.getMessage());
    assertTrue(e.getMessage().contains(" step | T0"), e.getMessage());
    assertTrue(e.getMessage().contains("Weft.replay(\"target/weft/assert-style.json\", body)"),
        e.getMessage());
  }

  @Test
  void printsProgressWhileExploringWhenAsked() {
    String lines = progress(false);
    assertTrue(lines.matches("(?s).*\nweft: 50 executions \\(\\d+/s\\), 2 interleaving classes,"
        + " 0 pruned, longest \\d+ steps, \\d+ s\n"), lines);
  }

  @Test
  void redrawsOneProgressLineInPlaceAndErasesItAtTheEnd() {
    String line = progress(true);
    assertTrue(line.startsWith("\r\u001b[Kweft: 1 execution ("), line);
    assertTrue(line.contains("\r\u001b[Kweft: 50 executions ("), line);
    assertTrue(line.endsWith(" s\r\u001b[K"), line);
    assertFalse(line.contains("\n"), line);
  }

  /** What an exploration with a progress line after every execution prints on standard error. */
  private static String progress(boolean inPlace) {
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.err;
    System.setErr(new java.io.PrintStream(captured, true));
    ExplorationResult result;
    try {
      result = Weft.exploreInterleavings(options(StrategyKind.RANDOM, "progress").toBuilder()
          .iterations(50).progressInterval(Duration.ofNanos(1)).progressInPlace(inPlace).build(),
          NO_LOST_UPDATE);
    } finally {
      System.setErr(original);
    }
    assertEquals(2, result.statistics().distinctClasses(), "two lock orders");
    return captured.toString();
  }

  @Test
  void stopsAtTheTimeLimitAndSaysSo() {
    Options o = options(StrategyKind.RANDOM, "time-limit").toBuilder()
        .iterations(Integer.MAX_VALUE).timeLimit(Duration.ofMillis(300)).build();
    ExplorationResult result = Weft.exploreInterleavings(o, NO_LOST_UPDATE);
    assertEquals(ExplorationResult.StopReason.TIME_LIMIT, result.stopReason());
    assertTrue(result.executions() > 0);
  }

  @Test
  void replayAgainstAFixedProgramNoLongerFails() {
    Failure f = Weft.exploreInterleavings(options(StrategyKind.RANDOM, "fixed-later"), LOST_UPDATE)
        .failure().orElseThrow();
    ReplayResult replay = Weft.replay(f.schedule(), NO_LOST_UPDATE);
    assertNotEquals(ReplayResult.Status.REPRODUCED, replay.status());
    assertTrue(replay.failure().isEmpty());
  }

  /** A schedule that goes on after its failure was not followed to its end: it diverged. */
  @Test
  void choicesLeftOverAfterTheFailureAreADivergence() {
    Failure f = Weft.exploreInterleavings(options(StrategyKind.RANDOM, "left-over"), LOST_UPDATE)
        .failure().orElseThrow();
    ReplayResult replay = Weft.replay(f.schedule() + ".0.1", LOST_UPDATE);
    assertEquals(ReplayResult.Status.DIVERGED, replay.status(), replay.message());
    assertTrue(replay.message().startsWith("The replay diverged: the execution failed (T"),
        replay.message());
    assertTrue(replay.message().endsWith("with 2 recorded choices left over; the recorded failure"
        + " was exception."), replay.message());
  }
}
