package dev.weft.explorer.explore;

import dev.weft.explorer.api.Options;
import dev.weft.scheduler.strategy.Pct;
import dev.weft.scheduler.strategy.Portfolio;
import dev.weft.scheduler.strategy.Pos;
import dev.weft.scheduler.strategy.PreemptionBounded;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.strategy.Surw;
import dev.weft.scheduler.strategy.dfs.Dfs;
import java.util.List;

/**
 * Maps the user's choice of strategy to a fresh strategy instance. Internal: public only for Weft's
 * own tools (the benchmark harness measures strategies made exactly as an exploration makes them).
 */
public final class Strategies {
  /** PCT's first guess of the step count, before any execution has been seen. */
  private static final int PCT_INITIAL_STEP_ESTIMATE = 50;

  private Strategies() {}

  public static Strategy create(Options options) {
    int bound = options.preemptionBound();
    Strategy strategy = switch (options.strategy()) {
      case RANDOM -> new RandomWalk();
      case PCT -> new Pct(options.pctDepth(), PCT_INITIAL_STEP_ESTIMATE);
      case DFS -> new Dfs(true, bound, true);
      case POS -> new Pos();
      case SURW -> new Surw();
      case PORTFOLIO -> new Portfolio(List.of(new RandomWalk(),
          new Pct(options.pctDepth(), PCT_INITIAL_STEP_ESTIMATE), new Pos(), new Surw()));
    };
    return bound >= 0 && !(strategy instanceof Dfs) ? new PreemptionBounded(strategy, bound)
        : strategy;
  }

  /** Whether a search that has ended covered every execution of the program (no bound cut any). */
  static boolean coveredEverything(Strategy strategy) {
    return strategy instanceof Dfs dfs && dfs.coveredEverything();
  }
}
