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

  /**
   * Whether the corpus tests run their full sweep ({@code -Dweft.corpus=full}): every buggy program
   * under every strategy with every seed, and every correct one under random walk and PCT for its
   * whole budget. Without it, each buggy program and strategy gets one of the seeds in turn, and
   * every sampling strategy runs a correct program {@link #QUICK_SAMPLING_EXECUTIONS} times: the
   * test command stays within its ten minutes, while systematic search still proves every correct
   * program over its whole state space.
   */
  static final boolean FULL = "full".equals(System.getProperty("weft.corpus"));

  /** Executions of a correct program under a sampling strategy, outside the full sweep. */
  static final int QUICK_SAMPLING_EXECUTIONS = 200;

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

  /**
   * The seeds {@code program}, the {@code index}-th buggy one, is explored with under the {@code
   * strategy}-th strategy: all of them in the full sweep, else one, in turn, so that each seed still
   * meets every program and every strategy.
   */
  static long[] seeds(int index, int strategy) {
    return FULL ? SEEDS.clone() : new long[] {SEEDS[(index + strategy) % SEEDS.length]};
  }

  /** The executions {@code program} is explored for: its own budget, or {@link #EXECUTIONS}. */
  static int executions(Program program) {
    return program.executions().orElse(EXECUTIONS);
  }
}
