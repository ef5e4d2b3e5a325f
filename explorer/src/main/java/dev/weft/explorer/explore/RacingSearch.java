package dev.weft.explorer.explore;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.scheduler.race.RacingSites;

/**
 * Whether an exploration's systematic search watches plain accesses, scheduling those found racing
 * ({@link RacingSites}): when a systematic search runs (alone or in the portfolio) and the agent
 * instruments plain accesses (its {@code races} option, which the command line always sets for such
 * a search).
 */
final class RacingSearch {
  /** Set by the agent when it instruments plain field and array accesses. */
  private static final String INSTRUMENTED = "weft.agent.races";

  private RacingSearch() {}

  /** A fresh set for the exploration, or null when its plain accesses are not watched. */
  static RacingSites sitesFor(Options options) {
    boolean systematic =
        options.strategy() == StrategyKind.DFS || options.strategy() == StrategyKind.PORTFOLIO;
    return systematic && Boolean.getBoolean(INSTRUMENTED) ? new RacingSites() : null;
  }
}
