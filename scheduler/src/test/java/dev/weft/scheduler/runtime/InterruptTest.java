package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.assertAllPass;
import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.interrupt;
import static dev.weft.scheduler.testing.Simulated.isInterrupted;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.notifyAllWaiters;
import static dev.weft.scheduler.testing.Simulated.sleep;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.waitOn;

import dev.weft.scheduler.strategy.RandomWalk;
import org.junit.jupiter.api.Test;

/**
 * The modelled interrupt status: an interrupt reaches a thread blocked in wait, join or sleep as an
 * {@link InterruptedException}, in every schedule, and clears the status.
 */
class InterruptTest {
  /** Runs {@code program} under 200 random schedules; each must pass. */
  private static void alwaysPasses(Task program) {
    assertAllPass(config(), new RandomWalk(), 200, program);
  }

  /** Runs {@code blocked} on a thread, interrupts it, and checks it ended by InterruptedException. */
  private static Task interruptOf(Task blocked) {
    return () -> {
      boolean[] caught = {false};
      boolean[] stillSet = {true};
      Thread victim = start("victim", () -> {
        try {
          blocked.run();
        } catch (InterruptedException e) {
          caught[0] = true;
          stillSet[0] = isInterrupted(Thread.currentThread());
        }
      });
      interrupt(victim);
      join(victim);
      if (!caught[0]) throw new AssertionError("no InterruptedException");
      if (stillSet[0]) throw new AssertionError("interrupt status not cleared by the exception");
    };
  }

  @Test
  void interruptEndsAWait() {
    alwaysPasses(interruptOf(() -> {
      Object lock = new Object();
      locked(lock, () -> {
        while (true) waitOn(lock); // nobody notifies
      });
    }));
  }

  @Test
  void interruptEndsASleepLoop() {
    alwaysPasses(interruptOf(() -> {
      while (true) sleep(1);
    }));
  }

  @Test
  void interruptEndsAJoin() {
    Task program = () -> {
      Object lock = new Object();
      boolean[] done = {false};
      Thread blocker = start("blocker", () -> locked(lock, () -> {
        while (!done[0]) waitOn(lock);
      }));
      boolean[] caught = {false};
      Thread joiner = start("joiner", () -> {
        try {
          join(blocker); // the blocker cannot end until the joiner has
        } catch (InterruptedException e) {
          caught[0] = true;
        }
      });
      interrupt(joiner);
      join(joiner);
      locked(lock, () -> {
        done[0] = true;
        notifyAllWaiters(lock);
      });
      join(blocker);
      if (!caught[0]) throw new AssertionError("the join was not interrupted");
    };
    alwaysPasses(program);
  }
}
