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

/**
 * Every program declared correct runs its budget without a failure, under every strategy: the full
 * budget under random walk and PCT in the full sweep ({@link Budget#FULL}), a smaller one under the
 * other sampling strategies, and under systematic search until it has covered every interleaving
 * class.
 */
class CorrectProgramsTest {
  private static final long SEED = 1L;

  /**
   * Enough for systematic search to cover every interleaving class of each correct program in its
   * registered size: the largest, CancelledTallyFixed (an executor's shutdownNow over two tasks),
   * needs 11,712 executions; TokenRing, with a spurious wakeup per execution, 1,710.
   */
  private static final int SYSTEMATIC_EXECUTIONS = 15_000;

  /**
   * The budget of the sampling strategies other than random walk and PCT, even in the full sweep:
   * at the full budget each of them adds about 25 s over the corpus; a false alarm shows early or
   * not at all, and systematic search already proves every program correct.
   */
  private static final int OTHER_SAMPLING_EXECUTIONS = 200;

  static Stream<Arguments> cases() {
    return Corpus.correct().stream().flatMap(program -> Stream.of(StrategyKind.values())
        .map(strategy -> Arguments.of(program, strategy)));
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("cases")
  void findsNoBugInTheWholeBudget(Program program, StrategyKind strategy) {
    String testName = "CorrectProgramsTest." + program.name() + "-" + strategy.cliName();
    Options.Builder options = Budget.options(program, strategy, SEED, testName);
    int executions = switch (strategy) {
      case DFS -> SYSTEMATIC_EXECUTIONS;
      case RANDOM, PCT -> Budget.FULL ? Budget.executions(program)
          : Budget.QUICK_SAMPLING_EXECUTIONS;
      default -> OTHER_SAMPLING_EXECUTIONS;
    };
    options.iterations(executions);
    ExplorationResult result = Weft.exploreInterleavings(options.build(), program.body());

    result.assertNoFailure();
    if (strategy == StrategyKind.DFS) {
      // Systematic search proves the program correct: every interleaving class, no bug.
      assertEquals(StopReason.EXHAUSTED, result.stopReason(), result.summary());
      assertTrue(result.statistics().coveredEverything(), result.summary());
    } else if (strategy == StrategyKind.PORTFOLIO && result.stopReason() == StopReason.EXHAUSTED) {
      // Its systematic member covered every interleaving class within the budget: a proof.
      assertTrue(result.statistics().coveredEverything(), result.summary());
    } else {
      assertEquals(StopReason.ITERATIONS_DONE, result.stopReason(), result.summary());
      assertEquals(executions, result.executions(), result.summary());
    }
  }
}
