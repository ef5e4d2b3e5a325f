package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Race detection over the whole corpus. No correct program has a data race in any interleaving
 * class, which is the check that its happens-before is not too weak (locks, volatiles, start and
 * join, and everything java.util.concurrent hands between threads); and turning it on hides no bug
 * of a buggy one.
 */
class RaceDetectionTest {
  /** As in {@link CorrectProgramsTest}: enough to cover every interleaving class. */
  private static final int SYSTEMATIC_EXECUTIONS = 15_000;

  static Stream<Program> correct() {
    return Corpus.correct().stream();
  }

  static Stream<Program> buggy() {
    return Corpus.buggy().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("correct")
  void correctProgramHasNoDataRaceInAnyInterleaving(Program program) {
    ExplorationResult result = Weft.exploreInterleavings(
        Budget.options(program, StrategyKind.DFS, 1L, "RaceDetectionTest." + program.name())
            .iterations(SYSTEMATIC_EXECUTIONS).detectRaces(true).build(),
        program.body());
    result.assertNoFailure();
    assertEquals(StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buggy")
  void buggyProgramStillFailsWithRaceDetectionOn(Program program) {
    ExplorationResult result = Weft.exploreInterleavings(
        Budget.options(program, StrategyKind.RANDOM, 1L, "RaceDetectionTest." + program.name())
            .detectRaces(true).build(),
        program.body());
    assertTrue(result.failure().isPresent(), result.summary());
  }
}
