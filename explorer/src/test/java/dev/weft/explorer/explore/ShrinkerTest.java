package dev.weft.explorer.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Options;
import dev.weft.samples.explorer.NeedsPreemptions;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/** Shrinking keeps to its bounds: re-runs and time. */
class ShrinkerTest {
  private static final Body BODY = NeedsPreemptions::bothFlagsRaised;
  private static final ExecutionConfig CONFIG = Explorer.config(Options.defaults(), false, null, null);
  private static final long NEVER = Long.MAX_VALUE;

  /** The first failing execution of a random walk, and its seed. */
  private record Found(ExecutionResult result, long seed) {}

  private static Found found() {
    RandomWalk random = new RandomWalk();
    for (int i = 0; i < 1_000; i++) {
      ExecutionResult r = Scheduler.execute(CONFIG, random, i, BODY::run);
      if (r.outcome().isBug() && r.preemptions() > 2) return new Found(r, i);
    }
    throw new AssertionError("a random walk found no failure with more than 2 preemptions");
  }

  @Test
  void aDeadlineAlreadyPassedRunsNothing() {
    Found f = found();
    Shrinker.Shrunk s = Shrinker.shrink(f.result(), CONFIG, f.seed(), BODY, 500, System.nanoTime());
    assertEquals(0, s.runs());
    assertSame(f.result(), s.result());
    assertEquals("", s.note());
  }

  @Test
  void itStopsAtItsRunsAndOtherwiseReachesTheLeastPreemptions() {
    Found f = found();
    Shrinker.Shrunk all = Shrinker.shrink(f.result(), CONFIG, f.seed(), BODY, 500, NEVER);
    assertEquals(2, all.result().preemptions(), all.note());
    assertTrue(all.runs() > 1, all.note());
    for (int max = 1; max < all.runs(); max++) {
      Shrinker.Shrunk few = Shrinker.shrink(f.result(), CONFIG, f.seed(), BODY, max, NEVER);
      assertEquals(max, few.runs());
      assertTrue(few.result().preemptions() >= 2, few.note());
    }
    Shrinker.Shrunk again = Shrinker.shrink(f.result(), CONFIG, f.seed(), BODY, 500, NEVER);
    assertEquals(all.result().choices(), again.result().choices(), "deterministic");
    assertEquals(all.runs(), again.runs());
  }
}
