package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.schedulingPoint;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.site;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.hooks.CallHooks;
import dev.weft.scheduler.strategy.Pct;
import dev.weft.scheduler.strategy.dfs.Dfs;
import org.junit.jupiter.api.Test;

/**
 * A thread that spins on a volatile flag, on a failing compare-and-set or at a yield steps aside for
 * the thread it waits for, so strategies that favour one thread (systematic search, PCT) do not
 * report a correct spin-wait as a livelock.
 */
class SpinTest {
  static final class Flag {
    private volatile boolean set;

    boolean get() {
      read(this);
      return set;
    }

    void raise() {
      write(this);
      set = true;
    }
  }

  private static final Task SPIN_WAIT = () -> {
    Flag flag = new Flag();
    Thread spinner = start("spinner", () -> {
      while (!flag.get()) {
        // wait for the writer
      }
    });
    Thread writer = start("writer", flag::raise);
    join(spinner);
    join(writer);
  };

  @Test
  void systematicSearchProvesASpinWaitCorrect() {
    assertProved(SPIN_WAIT);
  }

  @Test
  void pctDoesNotStarveTheWriter() {
    Pct pct = new Pct(3, 20);
    for (int i = 0; i < 300; i++) {
      ExecutionResult r = Scheduler.execute(config(), pct, seed(i), SPIN_WAIT);
      assertEquals(Outcome.PASSED, r.outcome(), r.report());
    }
  }

  /** A compare-and-set of {@link Flag}'s value from true to false, as the agent rewrites it. */
  private static final int TAKE = site("compareAndSet", "AtomicBoolean.compareAndSet");

  private static boolean take(Flag flag) {
    CallHooks.call(flag, TAKE);
    boolean taken = flag.set;
    if (taken) flag.set = false;
    CallHooks.attemptReturned(taken);
    return taken;
  }

  @Test
  void aFailingCompareAndSetStepsAside() {
    Task takeWait = () -> {
      Flag flag = new Flag();
      Thread taker = start("taker", () -> {
        while (!take(flag)) {
          // each failure writes nothing
        }
      });
      Thread writer = start("writer", flag::raise);
      join(taker);
      join(writer);
    };
    assertProved(takeWait);
  }

  @Test
  void aYieldStepsAsideEvenInALoopThatWrites() {
    Task countingWait = () -> {
      Flag flag = new Flag();
      Object polls = new Object();
      Thread waiter = start("waiter", () -> {
        while (!flag.get()) {
          write(polls);
          schedulingPoint(); // Thread.yield()
        }
      });
      Thread writer = start("writer", flag::raise);
      join(waiter);
      join(writer);
    };
    assertProved(countingWait);
  }

  private static void assertProved(Task program) {
    Dfs dfs = new Dfs(true, -1, false);
    int executions = 0;
    while (dfs.hasNextExecution() && executions < 10_000) {
      ExecutionResult r = Scheduler.execute(config(), dfs, 0, program);
      assertTrue(r.outcome() == Outcome.PASSED || r.outcome() == Outcome.PRUNED, r.report());
      executions++;
    }
    assertTrue(dfs.coveredEverything(), "explored it all in " + executions + " executions");
  }

  @Test
  void threadsThatOnlySpinStillLivelock() {
    Task bothWait = () -> {
      Flag a = new Flag();
      Flag b = new Flag();
      Thread t1 = start("t1", () -> {
        while (!a.get()) { }
      });
      Thread t2 = start("t2", () -> {
        while (!b.get()) { }
      });
      join(t1);
      join(t2);
    };
    ExecutionResult r = Scheduler.execute(config(), new Dfs(true, -1, false), 0, bothWait);
    assertEquals(Outcome.LIVELOCK, r.outcome(), r.report());
    assertReplays(config(), r, bothWait);
  }
}
