package dev.weft.scheduler.strategy;

/** At every point, each enabled thread is equally likely to run; every value equally likely. */
public final class RandomWalk implements Strategy {
  private SplitMix64 random = new SplitMix64(0);

  @Override
  public void beginExecution(long seed) {
    random = new SplitMix64(seed);
  }

  @Override
  public int pickThread(SchedulingView view) {
    return view.enabled(random.nextInt(view.enabledCount()));
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    return random.nextInt(bound);
  }
}
