package dev.weft.testbench;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.testbench.corpus.Program;
import java.nio.file.Path;
import java.time.Duration;

/** The exploration settings every corpus test shares. */
final class Budget {
  /** Executions per exploration: a buggy program must fail within it, a correct one never. */
  static final int EXECUTIONS = 1_000;

  /** Where schedule files and the first-bug table go. */
  static final Path OUTPUT = Path.of("target", "weft");

  /** The fixed seeds each buggy program is explored with, per strategy. */
  static final long[] SEEDS = {1L, 2024L, 987_654_321L};

  // The budget is a number of executions; the time limit only stops a hung exploration, and is
  // generous so that a slow CI machine never turns "1,000 executions" into fewer.
  private static final Duration TIME_LIMIT = Duration.ofMinutes(5);

  private Budget() {}

  static Options.Builder options(StrategyKind strategy, long seed, String testName) {
    return Options.builder()
        .strategy(strategy)
        .iterations(EXECUTIONS)
        .seed(seed)
        .timeLimit(TIME_LIMIT)
        .outputDir(OUTPUT)
        .testName(testName);
  }

  /**
   * {@link #options(StrategyKind, long, String)} with what {@code program} declares for itself in
   * its {@code @Expect}: its own budget of executions and its own step bound, and race detection
   * for a program whose bug is a data race.
   */
  static Options.Builder options(
      Program program, StrategyKind strategy, long seed, String testName) {
    Options.Builder options = options(strategy, seed, testName).iterations(executions(program));
    program.maxSteps().ifPresent(options::maxSteps);
    program.benignRaces().forEach(options::benignRace);
    return options.detectRaces(program.needsRaceDetection());
  }

  /** The executions {@code program} is explored for: its own budget, or {@link #EXECUTIONS}. */
  static int executions(Program program) {
    return program.executions().orElse(EXECUTIONS);
  }
}
