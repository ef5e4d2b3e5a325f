package dev.weft.explorer.property;

import dev.weft.explorer.api.StrategyKind;

/**
 * How {@link Properties#forAllInterleavings} chooses the interleavings it runs, in the property
 * layer's words; each is one of Weft's strategies.
 *
 * <p>Public API since 0.2.
 */
public enum SchedulingStrategy {
  /**
   * Depth-first search with dynamic partial-order reduction ({@link StrategyKind#DFS}): every
   * interleaving class once. When it runs out of classes within the budget with no failure, the
   * result is a proof over every interleaving ({@link InterleavingResult.Verdict#PROVED}).
   */
  SYSTEMATIC(StrategyKind.DFS),
  /** A seeded random walk ({@link StrategyKind#RANDOM}): a sample, never a proof. */
  RANDOM(StrategyKind.RANDOM),
  /**
   * Probabilistic Concurrency Testing ({@link StrategyKind#PCT}), biased toward the few
   * preemptions most bugs need: a sample, never a proof.
   */
  BIASED(StrategyKind.PCT);

  private final StrategyKind kind;

  SchedulingStrategy(StrategyKind kind) {
    this.kind = kind;
  }

  /** The Weft strategy that runs it. */
  public StrategyKind kind() {
    return kind;
  }
}
