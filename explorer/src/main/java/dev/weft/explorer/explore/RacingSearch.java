package dev.weft.explorer.explore;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.scheduler.race.RacingSites;

/**
 * Whether an exploration watches plain accesses, scheduling those found racing ({@link
 * RacingSites}): whenever the agent instruments plain accesses (its {@code races} option, which the
 * command line always sets). Every strategy benefits: without it, the two orders of a racing pair of
 * plain accesses between the same two scheduling points can never be produced, by any schedule.
 */
final class RacingSearch {
  /** Set by the agent when it instruments plain field and array accesses. */
  private static final String INSTRUMENTED = "weft.agent.races";

  private RacingSearch() {}

  /** A fresh set for the exploration, or null when its plain accesses are not watched. */
  static RacingSites sitesFor(Options options) {
    return Boolean.getBoolean(INSTRUMENTED) ? new RacingSites() : null;
  }

  /**
   * Whether the strategy schedules what executions find itself: systematic search (alone or in the
   * portfolio) starts over when a site is new, so it must be the one to commit. For every other
   * strategy the explorer commits before each execution.
   */
  static boolean strategyCommits(Options options) {
    return options.strategy() == StrategyKind.DFS || options.strategy() == StrategyKind.PORTFOLIO;
  }
}
