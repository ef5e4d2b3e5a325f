package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.anyEvent;
import static dev.weft.scheduler.testing.Simulated.assertAllPass;
import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.executions;
import static dev.weft.scheduler.testing.Simulated.firstBug;
import static dev.weft.scheduler.testing.Simulated.interrupt;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.notifyAllWaiters;
import static dev.weft.scheduler.testing.Simulated.notifyOne;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.traced;
import static dev.weft.scheduler.testing.Simulated.waitOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.weft.scheduler.view.Operation;

import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Replay;
import dev.weft.scheduler.strategy.dfs.Dfs;
import dev.weft.scheduler.testing.Simulated;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.view.ChoiceKind;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The emulated {@code Object.wait/notify}: guarded waits, waiter choice, timeouts, spurious wakeups. */
class WaitNotifyTest {
  /** A one-slot buffer: the producer puts two items, two consumers take one each. */
  private static Task producerConsumer(boolean whileGuard) {
    return () -> {
      Object lock = new Object();
      int[] items = {0};
      Task consumer = () -> locked(lock, () -> {
        if (whileGuard) {
          while (items[0] == 0) waitOn(lock);
        } else if (items[0] == 0) {
          waitOn(lock);
        }
        if (items[0] == 0) throw new AssertionError("took from an empty buffer");
        items[0]--;
        notifyAllWaiters(lock);
      });
      Thread c1 = start("consumer-1", consumer);
      Thread c2 = start("consumer-2", consumer);
      Thread p = start("producer", () -> {
        for (int k = 0; k < 2; k++) {
          locked(lock, () -> {
            while (items[0] == 1) waitOn(lock);
            items[0]++;
            notifyAllWaiters(lock);
          });
        }
      });
      join(c1);
      join(c2);
      join(p);
    };
  }

  @Test
  void guardedWaitInAWhileLoopNeverFails() {
    assertAllPass(config(), new RandomWalk(), 300, producerConsumer(true));
  }

  @Test
  void guardedWaitInAnIfIsFound() {
    ExecutionResult r = firstBug(config(), new RandomWalk(), 300, producerConsumer(false));

    assertNotNull(r, "the if-guarded wait was not caught in 300 executions");
    assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
    assertEquals("took from an empty buffer", r.error().getMessage());
    assertTrue(r.report().contains("consumer-"), r.report());
    assertReplays(config(), r, producerConsumer(false));
  }

  /** Two waiters, one notify: the one notified takes the only token and lets the other go. */
  private static final Task ONE_NOTIFY_TWO_WAITERS = () -> {
    Object lock = new Object();
    int[] state = {0, 0}; // waiting, tokens
    String[] winner = {null};
    Task waiter = () -> locked(lock, () -> {
      state[0]++;
      while (state[1] == 0 && winner[0] == null) waitOn(lock);
      if (winner[0] != null) return; // woken by the winner, not by the notify
      state[1]--;
      winner[0] = Thread.currentThread().getName();
      notifyAllWaiters(lock);
    });
    Thread w1 = start("w1", waiter);
    Thread w2 = start("w2", waiter);
    boolean[] bothWaiting = {false};
    while (!bothWaiting[0]) {
      locked(lock, () -> bothWaiting[0] = state[0] == 2);
      Simulated.schedulingPoint();
    }
    locked(lock, () -> {
      state[1] = 1;
      notifyOne(lock);
    });
    join(w1);
    join(w2);
    throw new Winner(winner[0]); // carries the answer out of the execution
  };

  static final class Winner extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Winner(String name) {
      super(name, null, false, false);
    }
  }

  @Test
  void notifyWakesAWaiterChosenByTheStrategy() {
    Set<String> winners = new HashSet<>();
    Set<Integer> notifyChoices = new HashSet<>();
    for (ExecutionResult r : executions(config(), new RandomWalk(), 40, ONE_NOTIFY_TWO_WAITERS)) {
      assertInstanceOf(Winner.class, r.error(), r.report());
      winners.add(r.error().getMessage());
      Choices c = r.choices();
      int recorded = 0;
      for (int i = 0; i < c.size(); i++) {
        if (c.kind(i) == ChoiceKind.NOTIFY) {
          notifyChoices.add(c.value(i));
          recorded++;
        }
      }
      assertEquals(1, recorded, "one notify among two waiters is one recorded choice");
    }
    assertEquals(Set.of("w1", "w2"), winners);
    assertEquals(Set.of(0, 1), notifyChoices);
  }

  @Test
  void theNotifyChoiceIsReplayed() {
    for (ExecutionResult r : executions(config(), new RandomWalk(), 10, ONE_NOTIFY_TWO_WAITERS)) {
      ExecutionResult again =
          Scheduler.execute(traced(), new Replay(r.choices()), 0, ONE_NOTIFY_TWO_WAITERS);
      assertEquals(r.error().getMessage(), again.error().getMessage());
      String woke = again.trace().stream()
          .filter(e -> e.operation() == Operation.NOTIFY)
          .map(e -> e.note())
          .findFirst().orElseThrow();
      assertTrue(woke.startsWith("woke ") && woke.contains("(" + r.error().getMessage() + ")"), woke);
    }
  }

  @Test
  void waitWithoutOwningTheMonitorThrowsIllegalMonitorState() {
    ExecutionResult r = Scheduler.execute(config(), new RandomWalk(), 1, () -> waitOn(new Object()));

    assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
    assertInstanceOf(IllegalMonitorStateException.class, r.error());
  }

  @Test
  void notifyWithoutOwningTheMonitorThrowsIllegalMonitorState() {
    Task program = () -> {
      Object lock = new Object();
      locked(lock, () -> {}); // known to the model, but no longer held
      notifyOne(lock);
    };
    ExecutionResult r = Scheduler.execute(config(), new RandomWalk(), 1, program);

    assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
    assertInstanceOf(IllegalMonitorStateException.class, r.error());
  }

  @Test
  void untimedWaitWithNobodyToNotifyIsADeadlock() {
    Task program = () -> {
      Object lock = new Object();
      locked(lock, () -> waitOn(lock));
    };
    ExecutionResult r = Scheduler.execute(config(), new RandomWalk(), 1, program);

    assertEquals(Outcome.DEADLOCK, r.outcome(), r.report());
    assertTrue(r.report().contains("T0 waits in Object#1.wait()"), r.report());
    assertTrue(r.report().contains("no running thread can notify it"), r.report());
  }

  @Test
  void timedWaitWithNobodyToNotifyTimesOutAndAdvancesTheVirtualClock() {
    long[] clock = {-1};
    Task program = () -> {
      Object lock = new Object();
      locked(lock, () -> waitOn(lock, 50));
      clock[0] = Execution.active().virtualNanos();
    };
    ExecutionResult r = Scheduler.execute(traced(), new RandomWalk(), 1, program);

    assertEquals(Outcome.PASSED, r.outcome(), r.report());
    assertTrue(anyEvent(r.trace(), e -> e.operation() == Operation.WAKE
        && "timed out".equals(e.note())), r.trace()::toString);
    assertEquals(TimeUnit.MILLISECONDS.toNanos(50), clock[0]);
  }

  @Test
  void timedWaitMayTimeOutOrBeNotified() {
    Task program = () -> {
      Object lock = new Object();
      Thread waiter = start("waiter", () -> locked(lock, () -> waitOn(lock, 10)));
      locked(lock, () -> notifyOne(lock));
      join(waiter);
    };
    Set<String> wakes = new HashSet<>();
    for (ExecutionResult r : executions(traced(), new RandomWalk(), 100, program)) {
      assertEquals(Outcome.PASSED, r.outcome(), r.report());
      r.trace().stream().filter(e -> e.operation() == Operation.WAKE).forEach(e -> wakes.add(e.note()));
    }
    assertEquals(Set.of("timed out", "notified"), wakes);
  }

  /** A single {@code if}-guarded waiter and a notifier that sets the condition first. */
  private static final Task IF_GUARDED_WAITER = () -> {
    Object lock = new Object();
    boolean[] ready = {false};
    Thread waiter = start("waiter", () -> locked(lock, () -> {
      if (!ready[0]) waitOn(lock);
      if (!ready[0]) throw new AssertionError("woke without a notify");
    }));
    locked(lock, () -> {
      ready[0] = true;
      notifyOne(lock);
    });
    join(waiter);
  };

  @Test
  void withoutSpuriousWakeupsAnIfGuardedWaiterOnlyWakesWhenNotified() {
    assertAllPass(config(), new RandomWalk(), 200, IF_GUARDED_WAITER);
  }

  @Test
  void spuriousWakeupsLetAnIfGuardedWaiterWakeWithoutNotify() {
    ExecutionConfig spurious = new ExecutionConfig(10_000, Simulated.TIMEOUT_NANOS, true, false);
    ExecutionResult r = firstBug(spurious, new RandomWalk(), 200, IF_GUARDED_WAITER);

    assertNotNull(r, "no spurious wakeup in 200 executions");
    assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
    assertEquals("woke without a notify", r.error().getMessage());
    boolean granted = false;
    for (int i = 0; i < r.choices().size(); i++) {
      granted |= r.choices().kind(i) == ChoiceKind.SPURIOUS && r.choices().value(i) == 1;
    }
    assertTrue(granted, "the spurious wakeup is a recorded choice");
    assertTrue(r.report().contains("a spurious wakeup"), r.report());

    ExecutionConfig spuriousTraced = new ExecutionConfig(10_000, Simulated.TIMEOUT_NANOS, true, true);
    ExecutionResult replayed =
        Scheduler.execute(spuriousTraced, new Replay(r.choices()), 0, IF_GUARDED_WAITER);
    assertEquals(Outcome.EXCEPTION, replayed.outcome(), replayed.report());
    assertTrue(anyEvent(replayed.trace(), e -> e.operation() == Operation.WAKE
        && "spurious wakeup".equals(e.note())), replayed.trace()::toString);
  }

  /**
   * Two waiters loop until their notifier is done, counting the times they woke with nothing done.
   * Over every execution systematic search explores, some wake once that way, and none twice: a
   * spurious wakeup is a bounded choice, granted once per execution at most.
   */
  @Test
  void atMostOneSpuriousWakeupPerExecutionAndTheSearchTriesIt() {
    int[] mostWoken = {0};
    Task program = () -> {
      Object lock = new Object();
      boolean[] done = {false};
      int[] woken = {0};
      Task waiter = () -> locked(lock, () -> {
        while (!done[0]) {
          waitOn(lock);
          if (!done[0]) woken[0]++;
        }
      });
      Thread a = start("a", waiter);
      Thread b = start("b", waiter);
      locked(lock, () -> {
        done[0] = true;
        notifyAllWaiters(lock);
      });
      join(a);
      join(b);
      mostWoken[0] = Math.max(mostWoken[0], woken[0]);
    };
    ExecutionConfig spurious = new ExecutionConfig(10_000, Simulated.TIMEOUT_NANOS, true, false);
    Dfs dfs = new Dfs(true, -1, false);
    int executions = 0;
    while (dfs.hasNextExecution()) {
      ExecutionResult r = Scheduler.execute(spurious, dfs, 0, program);
      assertTrue(r.outcome() == Outcome.PASSED || r.outcome() == Outcome.PRUNED, r.report());
      executions++;
    }
    assertEquals(1, mostWoken[0], "most spurious wakeups in one of " + executions + " executions");
  }

  /**
   * JLS 17.2.4: "notifications cannot be lost due to interrupts". Both threads wait once; one is
   * interrupted, then one notify is sent. Either a waiter returns normally from that notify, or the
   * notified waiter is the other one, which must then wake without further help.
   */
  @Test
  void aNotificationIsNotLostToAnInterrupt() {
    Task program = () -> {
      Object lock = new Object();
      int[] waiting = {0};
      boolean[] returnedNormally = {false};
      Thread interrupted = start("interrupted", () -> locked(lock, () -> {
        waiting[0]++;
        try {
          waitOn(lock);
          returnedNormally[0] = true; // it took the notify; its interrupt stays pending
        } catch (InterruptedException e) {
          // then the notify is the other waiter's
        }
      }));
      Thread other = start("other", () -> locked(lock, () -> {
        waiting[0]++;
        waitOn(lock); // no loop: only a notify wakes it (no spurious wakeups)
      }));
      boolean[] bothWaiting = {false};
      while (!bothWaiting[0]) {
        locked(lock, () -> bothWaiting[0] = waiting[0] == 2);
        Simulated.schedulingPoint();
      }
      interrupt(interrupted);
      locked(lock, () -> notifyOne(lock));
      join(interrupted);
      if (returnedNormally[0]) locked(lock, () -> notifyOne(lock)); // release the other ourselves
      join(other);
    };
    assertAllPass(config(), new RandomWalk(), 300, program);
  }

  @Test
  void aWaiterNotifiedAndThenInterruptedReturnsNormallyWithTheInterruptPending() {
    Task program = () -> {
      Object lock = new Object();
      boolean[] waiting = {false};
      boolean[] pending = {false};
      Thread waiter = start("waiter", () -> locked(lock, () -> {
        waiting[0] = true;
        waitOn(lock);
        pending[0] = Simulated.isInterrupted(Thread.currentThread());
      }));
      boolean[] isWaiting = {false};
      while (!isWaiting[0]) {
        locked(lock, () -> isWaiting[0] = waiting[0]);
        Simulated.schedulingPoint();
      }
      // Notify and interrupt while holding the monitor, so the waiter cannot run in between.
      locked(lock, () -> {
        notifyOne(lock);
        interrupt(waiter);
      });
      join(waiter);
      if (!pending[0]) throw new AssertionError("the interrupt was lost");
    };
    assertAllPass(config(), new RandomWalk(), 50, program);
  }
}
