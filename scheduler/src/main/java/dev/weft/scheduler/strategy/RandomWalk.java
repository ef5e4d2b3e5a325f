package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.SchedulingView;

/** At every point, each enabled thread is equally likely to run; every value equally likely. */
public final class RandomWalk extends Randomized {
  @Override
  public int pickThread(SchedulingView view) {
    return view.enabled(random.nextInt(view.enabledCount()));
  }
}
