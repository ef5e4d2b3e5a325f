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
import java.util.function.IntSupplier;

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
    return explore(options, shard, body, testName, () -> Integer.MAX_VALUE);
  }

  /**
   * @param bugElsewhere the lowest index at which another shard of the run found a bug, asked
   *     before each block, or {@link Integer#MAX_VALUE}: a block that starts above it cannot hold
   *     the run's first bug, and it and the rest are left out
   */
  public static ShardRun explore(Options options, Shard shard, Body body, String testName,
      IntSupplier bugElsewhere) {
    if (options.strategy() == StrategyKind.DFS) {
      Explorer.Explored explored = Explorer.explore(options,
          List.of(partOfSearch(options, shard)).iterator(), body, testName);
      return new ShardRun(shard, explored.result(), explored.schedules(), explored.classes(),
          List.of(), false);
    }
    Blocks blocks = new Blocks(options, shard, bugElsewhere);
    Explorer.Explored explored = Explorer.explore(options, blocks, body, testName);
    return new ShardRun(shard, explored.result(), explored.schedules(), explored.classes(),
        shard.blocks(options.iterations()), blocks.leftOut);
  }

  /** The shard's part of the tree, up to the iterations: they bound each shard's executions. */
  private static Explorer.Segment partOfSearch(Options options, Shard shard) {
    RacingSites racing = RacingSearch.sitesFor(options);
    Dfs dfs = new Dfs(true, options.preemptionBound(), true, racing, shard.partition());
    return new Explorer.Segment(dfs, racing, 0, options.iterations());
  }

  /** Each block under a strategy of its own, made when the block starts. */
  private static final class Blocks implements Iterator<Explorer.Segment> {
    private final Options options;
    private final List<Shard.Range> blocks;
    private final IntSupplier bugElsewhere;
    private int next;
    /** Whether blocks were left out for a lower bug found by another shard. */
    private boolean leftOut;

    Blocks(Options options, Shard shard, IntSupplier bugElsewhere) {
      if (options.strategy() == StrategyKind.PORTFOLIO) {
        throw new IllegalArgumentException("the portfolio cannot be sharded: its systematic"
            + " member is one search tree, not blocks of executions; shard one strategy at a"
            + " time, e.g. --strategy random, pct, pos, surw or dfs");
      }
      this.options = options;
      this.blocks = shard.blocks(options.iterations());
      this.bugElsewhere = bugElsewhere;
    }

    @Override
    public boolean hasNext() {
      if (next == blocks.size()) return false;
      leftOut = blocks.get(next).first() > bugElsewhere.getAsInt();
      return !leftOut;
    }

    @Override
    public Explorer.Segment next() {
      Shard.Range block = blocks.get(next++);
      RacingSites racing = RacingSearch.sitesFor(options);
      return new Explorer.Segment(Strategies.create(options, racing), racing, block.first(),
          block.end());
    }
  }
}
