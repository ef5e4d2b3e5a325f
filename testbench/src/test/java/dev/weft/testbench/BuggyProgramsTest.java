package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program declared buggy fails within the budget, under every strategy and seed ({@link
 * Budget#seeds}: every seed in the full sweep, one in turn otherwise), with the declared kind; and its schedule, from the file and from the short string, replays to the same
 * failure with exactly the same trace, every time.
 */
class BuggyProgramsTest {
  /** Executions to the first bug, one line per case, written to target/weft/first-bug.tsv. */
  private static final List<String> FIRST_BUG = new ArrayList<>();

  static Stream<Arguments> cases() {
    List<Program> buggy = Corpus.buggy();
    StrategyKind[] strategies = StrategyKind.values();
    return IntStream.range(0, buggy.size()).boxed().flatMap(p -> IntStream
        .range(0, strategies.length).boxed().flatMap(s -> LongStream.of(Budget.seeds(p, s))
            .mapToObj(seed -> Arguments.of(buggy.get(p), strategies[s], seed))));
  }

  @ParameterizedTest(name = "{0} under {1}, seed {2}")
  @MethodSource("cases")
  void findsTheDeclaredBugAndReplaysIt(Program program, StrategyKind strategy, long seed) {
    String testName = "BuggyProgramsTest." + program.name() + "-" + strategy.cliName() + "-" + seed;
    ExplorationResult result = Weft.exploreInterleavings(
        Budget.options(program, strategy, seed, testName).build(), program.body());

    Failure failure = result.failure().orElseThrow(() -> new AssertionError(
        program.name() + " is declared buggy, but: " + result.summary()));
    record(program, strategy, seed, failure.execution() + 1);
    assertEquals(program.expectedFailure().orElseThrow(), failure.kind(), failure.message());
    assertEquals(StopReason.BUG_FOUND, result.stopReason());
    assertEquals(failure.execution() + 1, result.executions(), "exploration stops at the first bug");
    assertFalse(failure.trace().isBlank(), "the failure has no trace");
    assertNotNull(failure.scheduleFile(), failure.message());

    assertReproduces(failure, Weft.replay(failure.scheduleFile().toString(), program.body()));
    assertReproduces(failure, Weft.replay(failure.schedule(), program.body()));
    assertReproduces(failure, Weft.replay(failure.schedule(), program.body()));
  }

  private static void assertReproduces(Failure failure, ReplayResult replay) {
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    Failure again = replay.failure().orElseThrow(() -> new AssertionError(replay.message()));
    assertEquals(failure.kind(), again.kind());
    assertEquals(failure.summary(), again.summary());
    assertEquals(failure.trace(), replay.trace(), "the replayed trace differs from the reported one");
  }

  private static synchronized void record(
      Program program, StrategyKind strategy, long seed, int executions) {
    String line = String.join("\t", program.name(), strategy.cliName(), Long.toString(seed),
        Integer.toString(executions));
    System.out.println("first bug: " + line);
    FIRST_BUG.add(line);
  }

  @AfterAll
  static synchronized void writeFirstBugTable() throws IOException {
    Files.createDirectories(Budget.OUTPUT);
    List<String> lines = new ArrayList<>();
    lines.add(String.join("\t", "program", "strategy", "seed", "executions-to-first-bug")
        .toLowerCase(Locale.ROOT));
    lines.addAll(FIRST_BUG);
    Files.write(Budget.OUTPUT.resolve("first-bug.tsv"), lines);
  }
}
