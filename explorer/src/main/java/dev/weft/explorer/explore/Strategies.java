package dev.weft.explorer.explore;

import dev.weft.explorer.api.Options;
import dev.weft.scheduler.race.RacingSites;
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

  /** A strategy that does not watch plain accesses. */
  public static Strategy create(Options options) {
    return create(options, null);
  }

  /** @param racing the plain-access sites systematic search schedules and adds to, or null */
  public static Strategy create(Options options, RacingSites racing) {
    int bound = options.preemptionBound();
    return switch (options.strategy()) {
      case RANDOM -> sampling(new RandomWalk(), bound);
      case PCT -> sampling(pct(options), bound);
      case POS -> sampling(new Pos(), bound);
      case SURW -> sampling(new Surw(), bound);
      case DFS -> new Dfs(true, bound, true, racing);
      case PORTFOLIO -> new Portfolio(List.of(sampling(new RandomWalk(), bound),
          sampling(pct(options), bound), sampling(new Pos(), bound), sampling(new Surw(), bound),
          new Dfs(true, bound, true, racing)));
    };
  }

  private static Pct pct(Options options) {
    return new Pct(options.pctDepth(), PCT_INITIAL_STEP_ESTIMATE);
  }

  /**
   * A sampling strategy under the preemption bound, if any. Systematic search bounds itself: the
   * wrapper answers for the strategy inside it at times, which a search tree cannot allow.
   */
  private static Strategy sampling(Strategy strategy, int bound) {
    return bound >= 0 ? new PreemptionBounded(strategy, bound) : strategy;
  }
}
