package dev.weft.explorer.explore;

import dev.weft.explorer.api.Options;
import dev.weft.scheduler.strategy.Pct;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Strategy;

/** Maps the user's choice of strategy to a fresh strategy instance. */
final class Strategies {
  /** PCT's first guess of the step count, before any execution has been seen. */
  private static final int PCT_INITIAL_STEP_ESTIMATE = 50;

  private Strategies() {}

  static Strategy create(Options options) {
    return switch (options.strategy()) {
      case RANDOM -> new RandomWalk();
      case PCT -> new Pct(options.pctDepth(), PCT_INITIAL_STEP_ESTIMATE);
    };
  }
}
