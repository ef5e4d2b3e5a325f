package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.WeftInternalException;
import dev.weft.scheduler.race.RacingSites;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.strategy.Strategy;

/**
 * The executions of one exploration of a body, run one at a time on demand: each the strategy's
 * next schedule, with the seed of its index. The exploration loop ({@link Explorer}) drives one,
 * and so does a caller that looks at every execution as it comes. Not thread-safe; one runs at a
 * time in a JVM, as any exploration.
 */
public final class Executions {
  private final Options options;
  private final Strategy strategy;
  private final RacingSites racing;
  private final boolean explorerCommits;
  private final ExecutionConfig config;
  private final Body body;
  /** The index of this sequence's first execution in its exploration. */
  private final int firstIndex;
  private int started;

  /** The executions of {@code body} under the strategy {@code options} name. */
  public static Executions of(Options options, Body body) {
    RacingSites racing = RacingSearch.sitesFor(options);
    return new Executions(options, Strategies.create(options, racing), racing, body);
  }

  Executions(Options options, Strategy strategy, RacingSites racing, Body body) {
    this(options, strategy, racing, body, 0);
  }

  /** @param firstIndex the exploration's index of the first execution, which seeds it */
  Executions(Options options, Strategy strategy, RacingSites racing, Body body, int firstIndex) {
    this.firstIndex = firstIndex;
    this.options = options;
    this.strategy = strategy;
    this.racing = racing;
    this.explorerCommits = racing != null && !RacingSearch.strategyCommits(options);
    this.config = Explorer.config(options, false, racing, body);
    this.body = body;
  }

  /** Whether another execution is left: within the iterations, and the strategy has one. */
  public boolean hasNext() {
    return started < options.iterations() && strategy.hasNextExecution();
  }

  /**
   * Runs the next execution.
   *
   * @throws WeftInternalException when Weft itself failed to run it
   */
  public ExecutionResult next() {
    // Sites found racing so far become scheduling points from this execution on.
    if (explorerCommits) racing.commit();
    int index = nextIndex();
    started++;
    return Explorer.execute(config, strategy, Explorer.executionSeed(options.seed(), index), body);
  }

  /** The exploration's index of the next execution. */
  int nextIndex() {
    return firstIndex + started;
  }

  /** Executions run so far. */
  public int started() {
    return started;
  }
}
