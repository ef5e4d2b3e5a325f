package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.Operation;
import dev.weft.scheduler.view.SchedulingView;
import java.util.Arrays;

/**
 * Partial Order Sampling: Yuan, Yang and Gu, "Partial Order Aware Concurrency Sampling", CAV 2018
 * (the basic algorithm, POS without the "*" refinement).
 *
 * <p>Every pending event gets a random priority; the enabled event with the highest priority runs.
 * After an event runs, every other pending event that conflicts with it (same location, not both
 * reads) gets a fresh random priority, and the thread that ran gets one for its next event. Events
 * that do not interact keep their relative order, so the sampling spreads over partial orders rather
 * than over interleavings, which a plain random walk over-samples.
 *
 * <p>Deviation: the paper assigns priorities once per event; here a thread's priority is drawn when
 * the strategy first sees its pending event, which is the same thing under Weft's step model.
 */
public final class Pos extends Randomized {
  /** Priority of each thread's pending event; NaN until drawn. */
  private double[] priority = new double[8];

  @Override
  public boolean observesEveryStep() {
    return true;
  }

  @Override
  protected void begin() {
    Arrays.fill(priority, Double.NaN);
  }

  @Override
  public int pickThread(SchedulingView view) {
    if (priority.length < view.threadCount()) {
      int old = priority.length;
      priority = Arrays.copyOf(priority, view.threadCount() * 2);
      Arrays.fill(priority, old, priority.length, Double.NaN);
    }
    int best = -1;
    for (int i = 0; i < view.enabledCount(); i++) {
      int t = view.enabled(i);
      if (Double.isNaN(priority[t])) priority[t] = draw();
      if (best < 0 || priority[t] > priority[best]) best = t;
    }
    Operation op = view.pendingOperation(best);
    long location = view.pendingLocation(best);
    for (int t = 0; t < view.threadCount(); t++) {
      if (t != best && conflicts(op, location, view.pendingOperation(t), view.pendingLocation(t))) {
        priority[t] = draw();
      }
    }
    priority[best] = Double.NaN; // its next event gets its own priority
    return best;
  }

  private double draw() {
    return (random.nextLong() >>> 11) * 0x1.0p-53;
  }

  private static boolean conflicts(Operation a, long la, Operation b, long lb) {
    return la == lb && la != Locations.NONE && !(isRead(a) && isRead(b));
  }

  private static boolean isRead(Operation op) {
    return op == Operation.VOLATILE_READ || op == Operation.IS_ALIVE
        || op == Operation.IS_INTERRUPTED || op == Operation.JOIN || op == Operation.GET_STATE;
  }
}
