package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.ChoiceKind;

/**
 * What every randomized strategy shares: a generator reseeded at each execution from the
 * execution's own seed (so any execution can be rerun alone), and uniform non-thread choices.
 */
abstract class Randomized implements Strategy {
  /** The execution's generator; replaced at every {@link #beginExecution}. */
  protected SplitMix64 random = new SplitMix64(0);

  @Override
  public final void beginExecution(long seed) {
    random = new SplitMix64(seed);
    begin();
  }

  /** Resets per-execution state; {@link #random} is already seeded. */
  protected void begin() {}

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    return random.nextInt(bound);
  }
}
