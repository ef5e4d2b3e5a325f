package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.strategy.Pct;
import dev.weft.scheduler.strategy.dfs.Dfs;
import org.junit.jupiter.api.Test;

/**
 * A thread that spins on a volatile flag steps aside for the thread it waits for, so strategies
 * that favour one thread (systematic search, PCT) do not report a correct spin-wait as a livelock.
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
    Dfs dfs = new Dfs(true, -1, false);
    int executions = 0;
    while (dfs.hasNextExecution() && executions < 10_000) {
      ExecutionResult r = Scheduler.execute(config(), dfs, 0, SPIN_WAIT);
      assertTrue(r.outcome() == Outcome.PASSED || r.outcome() == Outcome.PRUNED, r.report());
      executions++;
    }
    assertTrue(dfs.coveredEverything(), "explored it all in " + executions + " executions");
  }

  @Test
  void pctDoesNotStarveTheWriter() {
    Pct pct = new Pct(3, 20);
    for (int i = 0; i < 300; i++) {
      ExecutionResult r = Scheduler.execute(config(), pct, seed(i), SPIN_WAIT);
      assertEquals(Outcome.PASSED, r.outcome(), r.report());
    }
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
