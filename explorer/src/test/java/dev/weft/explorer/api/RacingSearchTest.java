package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.schedule.ScheduleFiles;
import dev.weft.samples.explorer.Races;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every strategy watches plain accesses and schedules the ones found racing: a bug that lies in the
 * order of plain accesses is found, a racy program systematic search proves names the racing sites,
 * and a race-free program is searched exactly as before. Runs in the test JVM whose agent has the
 * {@code races} option, so plain accesses are instrumented.
 */
class RacingSearchTest {
  private static final String INSTRUMENTED = "weft.agent.races";

  private static ExplorationResult dfs(String name, Body body) {
    return Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.DFS)
        .iterations(2_000).testName(name).build(), body);
  }

  @Test
  void aLostUpdateOfAPlainFieldIsFoundAndItsScheduleSchedulesTheSameAccesses() {
    Failure f = FoundBugs.assertFoundAndReplayed(Options.builder().strategy(StrategyKind.DFS)
        .iterations(2_000).testName("plainLostUpdate").build(), Races::plainCounterChecked,
        "lost update: count is 1");
    assertFalse(ScheduleFiles.read(f.scheduleFile().toString(), dev.weft.explorer.explore.WeftVersion.get()).racingSites().isEmpty(),
        "the schedule names the plain-access sites the search scheduled");
    // The short string carries them too: it replays the same execution.
    ReplayResult replay = Weft.replay(f.schedule(), Races::plainCounterChecked);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace());
  }

  /**
   * Without the racing sites scheduled, the two threads' read and write of the plain counter lie
   * between the same scheduling points, and no schedule interleaves them.
   */
  @ParameterizedTest
  @EnumSource(names = {"RANDOM", "PCT", "POS", "SURW"})
  void everyRandomizedStrategyFindsALostUpdateOfAPlainField(StrategyKind strategy) {
    Failure f = FoundBugs.assertFoundAndReplayed(Options.builder().strategy(strategy)
        .iterations(2_000).seed(3).testName("plainLostUpdate-" + strategy.cliName()).build(),
        Races::plainCounterChecked, "lost update: count is 1");
    assertFalse(ScheduleFiles.read(f.scheduleFile().toString(),
        dev.weft.explorer.explore.WeftVersion.get()).racingSites().isEmpty(),
        "the schedule names the plain-access sites scheduled in the failing execution");
  }

  @Test
  void aRacyProgramThatCannotFailIsProvedOverItsRacingSites() {
    ExplorationResult result = dfs("racyButHarmless", Races::arrayElement);
    result.assertNoFailure();
    assertTrue(result.statistics().coveredEverything(), result.summary());
    assertEquals(1, result.statistics().racingSites().size(), result.summary());
    assertTrue(result.summary().matches(".*exhaustive: every interleaving of synchronization and"
        + " of the racing plain accesses \\(array element at Races\\.java:\\d+\\) covered.*"),
        result.summary());
  }

  @Test
  void aRaceFreeProgramIsSearchedExactlyAsWithoutWatching() {
    ExplorationResult watched = dfs("raceFree", Races::synchronizedCounter);
    ExplorationResult unwatched = withoutPlainAccessInstrumentation(
        () -> dfs("raceFreeUnwatched", Races::synchronizedCounter));
    assertTrue(watched.statistics().coveredEverything(), watched.summary());
    assertEquals(java.util.List.of(), watched.statistics().racingSites());
    assertEquals(unwatched.executions(), watched.executions(), watched.summary());
    assertEquals(unwatched.statistics().distinctClasses(), watched.statistics().distinctClasses());
    assertTrue(watched.summary().contains("exhaustive: every interleaving class covered, no bug"),
        watched.summary());
  }

  @Test
  void withoutPlainAccessesWatchedNoProofIsClaimed() {
    ExplorationResult result = withoutPlainAccessInstrumentation(
        () -> dfs("unwatched", Races::plainCounterChecked));
    // The lost update hides in plain accesses that nothing watched: no bug, and no proof either.
    result.assertNoFailure();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason());
    assertFalse(result.statistics().coveredEverything(), result.summary());
    assertEquals(null, result.statistics().racingSites());
    assertTrue(result.summary().contains("plain accesses were not watched"), result.summary());
  }

  /**
   * Runs {@code exploration} as if the agent did not instrument plain accesses: the accesses still
   * reach the hooks, but the exploration no longer counts on them.
   */
  private static ExplorationResult withoutPlainAccessInstrumentation(
      Supplier<ExplorationResult> exploration) {
    String before = System.getProperty(INSTRUMENTED);
    System.clearProperty(INSTRUMENTED);
    try {
      return exploration.get();
    } finally {
      if (before != null) System.setProperty(INSTRUMENTED, before);
    }
  }
}
