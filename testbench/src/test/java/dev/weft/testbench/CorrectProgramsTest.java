package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every program declared correct runs the whole budget without a failure, under every strategy. */
class CorrectProgramsTest {
  private static final long SEED = 1L;

  /**
   * Enough for systematic search to cover every interleaving class of each correct program (the
   * largest, CounterBarrier, needs about 4,100 executions).
   */
  private static final int SYSTEMATIC_EXECUTIONS = 10_000;

  static Stream<Arguments> cases() {
    return Corpus.correct().stream().flatMap(program -> Stream.of(StrategyKind.values())
        .map(strategy -> Arguments.of(program, strategy)));
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("cases")
  void findsNoBugInTheWholeBudget(Program program, StrategyKind strategy) {
    String testName = "CorrectProgramsTest." + program.name() + "-" + strategy.cliName();
    Options.Builder options = Budget.options(strategy, SEED, testName);
    if (strategy == StrategyKind.DFS) options.iterations(SYSTEMATIC_EXECUTIONS);
    ExplorationResult result = Weft.exploreInterleavings(options.build(), program::runMain);

    result.assertNoFailure();
    if (strategy == StrategyKind.DFS) {
      // Systematic search proves the program correct: every interleaving class, no bug.
      assertEquals(StopReason.EXHAUSTED, result.stopReason(), result.summary());
      assertTrue(result.statistics().coveredEverything(), result.summary());
    } else {
      assertEquals(StopReason.ITERATIONS_DONE, result.stopReason(), result.summary());
      assertEquals(Budget.EXECUTIONS, result.executions(), result.summary());
    }
  }
}
