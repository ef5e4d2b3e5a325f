package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.report.ReportFiles;
import dev.weft.samples.explorer.Races;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Race detection ({@code detectRaces}): racy programs are reported as data races naming both
 * accesses, and replay; correctly synchronized twins are silent over a whole systematic search.
 * Runs in the test JVM whose agent has the {@code races} option.
 */
class DataRaceTest {
  private static Options.Builder dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(2_000).detectRaces(true)
        .testName(name);
  }

  static Stream<FoundBugs.Sample> racy() {
    return Stream.of(
        new FoundBugs.Sample("plainCounter", Races::plainCounter,
            "Data race on Races.Counter.count"),
        new FoundBugs.Sample("staticCounter", Races::staticCounter,
            "Data race on Races.Counter.hits"),
        new FoundBugs.Sample("arrayElement", Races::arrayElement,
            "Data race on an element of int[]"),
        new FoundBugs.Sample("plainPublication", Races::plainPublication,
            "Data race on Races.Message.plainReady"),
        new FoundBugs.Sample("writeAfterSubmit", Races::writeAfterSubmit,
            "Data race on Races.Counter.count"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("racy")
  void raceIsReportedWithBothAccessesAndReplays(FoundBugs.Sample sample) {
    Failure f = FoundBugs.assertFoundAndReplayed(dfs(sample.name()).build(), sample.body(),
        sample.message());
    assertEquals(FailureKind.DATA_RACE, f.kind());
    assertTrue(f.summary().matches("Data race on .*: T\\d+ (read|wrote) it at Races\\.java:\\d+"
        + " and T\\d+ (reads|writes) it at Races\\.java:\\d+, with no synchronization ordering"
        + " the two"), f.summary());
    // the trace shows both accesses where they happened, the later one last
    String last = f.trace().strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(last.contains("races with T"), f.trace());
    assertEquals(2, f.trace().split("races with T", -1).length - 1, f.trace());
  }

  @Test
  void theReportPageMarksTheRacingPair() throws IOException {
    Failure f = Weft.exploreInterleavings(dfs("racingPair").build(), Races::plainPublication)
        .failure().orElseThrow();
    String page = Files.readString(ReportFiles.beside(f.scheduleFile(), ReportFiles.HTML));
    Matcher marked = Pattern.compile("<div class=\"step failing\" id=\"step-\\d+\"[^>]*>"
        + "<span class=\"what\">(read|write) Message#1\\.plainReady").matcher(page);
    int pair = 0;
    while (marked.find()) pair++;
    assertEquals(2, pair, page);
  }

  @Test
  void reportNamesTheFieldToDeclareBenign() {
    Failure f = Weft.exploreInterleavings(dfs("plainCounter").build(), Races::plainCounter)
        .failure().orElseThrow();
    assertTrue(f.message().contains(
        "--benign-race dev.weft.samples.explorer.Races$Counter.count"), f.message());
  }

  static Stream<FoundBugs.Sample> ordered() {
    return Stream.of(
        new FoundBugs.Sample("volatilePublication", Races::volatilePublication, ""),
        new FoundBugs.Sample("synchronizedCounter", Races::synchronizedCounter, ""),
        new FoundBugs.Sample("lockedCounter", Races::lockedCounter, ""),
        new FoundBugs.Sample("startJoin", Races::startJoin, ""),
        new FoundBugs.Sample("futureGet", Races::futureGet, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ordered")
  void orderedAccessesAreNoRaceInAnyInterleaving(FoundBugs.Sample sample) {
    ExplorationResult result =
        Weft.exploreInterleavings(dfs(sample.name()).iterations(20_000).build(), sample.body());
    assertTrue(result.failure().isEmpty(), result.summary());
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @Test
  void aBenignRaceIsNotReported() {
    ExplorationResult result = Weft.exploreInterleavings(
        dfs("benign").benignRace("Races.Counter.count").build(), Races::plainCounter);
    assertTrue(result.failure().isEmpty(), result.summary());
    ExplorationResult full = Weft.exploreInterleavings(
        dfs("benignFull").benignRace("dev.weft.samples.explorer.Races$Counter.count").build(),
        Races::plainCounter);
    assertTrue(full.failure().isEmpty(), full.summary());
  }

  @Test
  void withoutDetectionTheRaceGoesUnreported() {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.DFS).iterations(2_000).testName("off").build(),
        Races::plainCounter);
    assertTrue(result.failure().isEmpty(), result.summary());
  }

  @Test
  void aBenignRaceMustNameAField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Options.builder().benignRace("count").build());
    assertTrue(e.getMessage().contains("CLASS.FIELD"), e.getMessage());
  }

  @Test
  void aRandomSearchFindsTheRaceToo() {
    Failure f = FoundBugs.assertFoundAndReplayed(
        Options.builder().strategy(StrategyKind.RANDOM).iterations(200).detectRaces(true)
            .testName("randomRace").build(), Races::plainCounter, "Data race");
    assertEquals(FailureKind.DATA_RACE, f.kind());
  }
}
