package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.ManyThreads;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hundred threads: systematic search (alone and in the portfolio) runs them like any others,
 * finds a bug among them and replays it, and the trace names a thread per line instead of a hundred
 * columns.
 */
class ManyThreadsTest {
  @TempDir Path output;

  private Options.Builder options(StrategyKind strategy, int iterations) {
    return Options.builder().strategy(strategy).iterations(iterations).outputDir(output)
        .shrink(false);
  }

  @ParameterizedTest
  @EnumSource(value = StrategyKind.class, names = {"DFS", "PORTFOLIO"})
  void aCorrectProgramPassesEveryExecution(StrategyKind strategy) {
    // Ten executions: the portfolio's dfs member takes two of them.
    ExplorationResult result = Weft.exploreInterleavings(options(strategy, 10).build(),
        ManyThreads::joinThenCount);
    assertTrue(result.failure().isEmpty(), () -> result.failure().get().report());
    assertEquals(10, result.executions(), result.summary());
  }

  @ParameterizedTest
  @EnumSource(value = StrategyKind.class, names = {"DFS", "PORTFOLIO"})
  void aBugAmongAHundredThreadsIsFoundReplayedAndReadable(StrategyKind strategy) {
    ExplorationResult result = Weft.exploreInterleavings(options(strategy, 50).build(),
        ManyThreads::countBeforeJoin);
    Failure failure = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.EXCEPTION, failure.kind(), failure.report());
    assertTrue(failure.summary().contains("before joining"), failure.summary());
    assertTrue(failure.trace().startsWith(" step | thread"), failure.trace());
    assertTrue(failure.trace().contains("| T0     | start T100"), failure.trace());
    assertTrue(failure.trace().lines().allMatch(line -> line.length() < 120), failure.trace());

    ReplayResult replay = Weft.replay(failure.scheduleFile().toString(),
        ManyThreads::countBeforeJoin);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(failure.trace(), replay.trace());
  }
}
