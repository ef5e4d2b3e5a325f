package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.shard.Shard;
import dev.weft.explorer.shard.ShardRun;
import dev.weft.scheduler.race.RacingSites;
import dev.weft.scheduler.strategy.dfs.Dfs;
import java.util.Iterator;
import java.util.List;

/**
 * Explores one shard of an exploration ({@link Shard}): a sampling strategy's blocks of execution
 * indices, each under a fresh strategy, or a systematic search's part of the tree. Internal: public
 * for the command line.
 */
public final class ShardExplorer {
  private ShardExplorer() {}

  /**
   * @throws IllegalArgumentException for the portfolio, whose systematic member cannot be cut into
   *     blocks of indices and whose sampling members cannot be cut into parts of a tree
   */
  public static ShardRun explore(Options options, Shard shard, Body body, String testName) {
    Explorer.Explored explored = options.strategy() == StrategyKind.DFS
        ? Explorer.explore(options, List.of(partOfSearch(options, shard)).iterator(), body,
            testName)
        : Explorer.explore(options, blocks(options, shard), body, testName);
    return new ShardRun(shard, explored.result(), explored.schedules(), explored.classes(),
        options.strategy() == StrategyKind.DFS ? List.of() : shard.blocks(options.iterations()));
  }

  /** The shard's part of the tree, up to the iterations: they bound each shard's executions. */
  private static Explorer.Segment partOfSearch(Options options, Shard shard) {
    RacingSites racing = RacingSearch.sitesFor(options);
    Dfs dfs = new Dfs(true, options.preemptionBound(), true, racing, shard.partition());
    return new Explorer.Segment(dfs, racing, 0, options.iterations());
  }

  /** Each block under a strategy of its own, made when the block starts. */
  private static Iterator<Explorer.Segment> blocks(Options options, Shard shard) {
    if (options.strategy() == StrategyKind.PORTFOLIO) {
      throw new IllegalArgumentException("the portfolio cannot be sharded: its systematic member"
          + " is one search tree, not blocks of executions; shard one strategy at a time, e.g."
          + " --strategy random, pct, pos, surw or dfs");
    }
    Iterator<Shard.Range> blocks = shard.blocks(options.iterations()).iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return blocks.hasNext();
      }

      @Override
      public Explorer.Segment next() {
        Shard.Range block = blocks.next();
        RacingSites racing = RacingSearch.sitesFor(options);
        return new Explorer.Segment(Strategies.create(options, racing), racing, block.first(),
            block.end());
      }
    };
  }
}
