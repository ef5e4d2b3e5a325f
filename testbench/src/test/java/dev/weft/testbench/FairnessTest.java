package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.programs.PoliteTokenPassing;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Fair scheduling (CHESS): a thread that keeps failing without writing anything gives way, so
 * systematic search, which keeps the running thread while it can, proves spin-waits of each shape
 * correct instead of running the spinner forever and reporting a livelock. Each case is one shape
 * of failing: a compare-and-set, a {@code tryLock}, an empty {@code poll} or {@code peek}, a missing
 * key, a loop of several reads, a read between sleeps, {@code isAlive}, a pause in a loop that
 * writes. What no fair schedule ends is still a livelock.
 */
class FairnessTest {
  /** Far above what any case here needs: only a broken search reaches it. */
  private static final int EXECUTIONS = 10_000;
  /** Each case ends in a few dozen steps; a spinner run unfairly reaches this at once. */
  private static final int MAX_STEPS = 2_000;

  private static ExplorationResult explore(StrategyKind strategy, String name, Body body) {
    return Weft.exploreInterleavings(Budget.options(strategy, 1L, "FairnessTest." + name)
        .iterations(EXECUTIONS).maxSteps(MAX_STEPS).build(), body);
  }

  /** Systematic search covers every interleaving class of {@code body} and finds no failure. */
  private static void assertProved(String name, Body body) {
    ExplorationResult result = explore(StrategyKind.DFS, name, body);
    result.assertNoFailure();
    assertEquals(StopReason.EXHAUSTED, result.stopReason(), result.summary());
    assertTrue(result.statistics().coveredEverything(), result.summary());
  }

  /** {@code waiter} waits for what {@code writer} does, both in threads of their own. */
  private static void concurrently(Runnable waiter, Runnable writer) throws InterruptedException {
    Thread w = new Thread(waiter, "waiter");
    Thread v = new Thread(writer, "writer");
    w.start();
    v.start();
    w.join();
    v.join();
  }

  @Test
  void aFailingCompareAndSetGivesWay() {
    assertProved("compareAndSet", () -> {
      AtomicInteger state = new AtomicInteger();
      concurrently(() -> {
        while (!state.compareAndSet(1, 2)) {
          // waits for the writer's 1
        }
      }, () -> state.set(1));
      assertEquals(2, state.get());
    });
  }

  @Test
  void aFailingTryLockGivesWay() {
    assertProved("tryLock", () -> {
      ReentrantLock lock = new ReentrantLock();
      AtomicInteger holders = new AtomicInteger();
      concurrently(() -> {
        while (!lock.tryLock()) {
          // the writer holds it
        }
        holders.incrementAndGet();
        lock.unlock();
      }, () -> {
        lock.lock();
        holders.incrementAndGet();
        lock.unlock();
      });
      assertEquals(2, holders.get());
    });
  }

  @Test
  void anEmptyPollGivesWay() {
    assertProved("poll", () -> {
      Queue<String> queue = new ConcurrentLinkedQueue<>();
      String[] taken = new String[1];
      concurrently(() -> {
        String item;
        while ((item = queue.poll()) == null) {
          // the writer has not offered yet
        }
        taken[0] = item;
      }, () -> queue.offer("item"));
      assertEquals("item", taken[0]);
    });
  }

  @Test
  void aLoopThatPollsSeveralThingsGivesWay() {
    assertProved("several polls", () -> {
      AtomicBoolean ready = new AtomicBoolean();
      AtomicInteger value = new AtomicInteger();
      concurrently(() -> {
        while (!ready.get() && value.get() == 0) {
          // two reads at two sites, neither repeated twice in a row
        }
      }, () -> value.set(1));
    });
  }

  @Test
  void onSpinWaitGivesWayInALoopThatWrites() {
    assertProved("onSpinWait", () -> {
      AtomicBoolean started = new AtomicBoolean();
      AtomicInteger polls = new AtomicInteger();
      concurrently(() -> {
        while (!started.get()) {
          polls.incrementAndGet(); // a write each time around: no read-only spin
          Thread.onSpinWait();
        }
      }, () -> started.set(true));
    });
  }

  /** A volatile flag polled with a sleep between reads: the reads repeat, the sleeps write nothing. */
  @Test
  void aSleepingPollGivesWay() {
    assertProved("sleep", () -> {
      AtomicBoolean set = new AtomicBoolean();
      concurrently(() -> {
        while (!set.get()) {
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }
      }, () -> set.set(true));
    });
  }

  @Test
  void pollingIsAliveGivesWay() {
    assertProved("isAlive", () -> {
      AtomicBoolean ran = new AtomicBoolean();
      Thread worker = new Thread(() -> ran.set(true), "worker");
      worker.start();
      while (worker.isAlive()) {
        // the worker ends
      }
      assertTrue(ran.get());
    });
  }

  @Test
  void anEmptyPeekGivesWay() {
    assertProved("peek", () -> {
      BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
      concurrently(() -> {
        while (queue.peek() == null) {
          // the writer has not offered yet
        }
      }, () -> queue.offer("item"));
    });
  }

  @Test
  void aMissingKeyOfAConcurrentMapGivesWay() {
    assertProved("map get", () -> {
      Map<String, String> map = new ConcurrentHashMap<>();
      concurrently(() -> {
        while (map.get("key") == null) {
          // the writer has not put it yet
        }
      }, () -> map.put("key", "value"));
    });
  }

  /** A plain flag polled under the monitor that guards it: the section only reads. */
  @Test
  void aPollUnderAMonitorGivesWay() {
    assertProved("synchronized poll", () -> {
      Object lock = new Object();
      boolean[] done = new boolean[1];
      concurrently(() -> {
        while (true) {
          synchronized (lock) {
            if (done[0]) break;
          }
        }
      }, () -> {
        synchronized (lock) {
          done[0] = true;
        }
      });
    });
  }

  /** An atomic polled under a monitor: its final getter keeps the section one that only reads. */
  @Test
  void anAtomicReadUnderAMonitorGivesWay() {
    assertProved("atomic under a monitor", () -> {
      Object lock = new Object();
      AtomicBoolean done = new AtomicBoolean();
      concurrently(() -> {
        while (true) {
          synchronized (lock) {
            if (done.get()) break;
          }
        }
      }, () -> done.set(true));
    });
  }

  /** A flag read under a monitor through a private getter, which no override can replace. */
  @Test
  void aGetterCalledUnderAMonitorGivesWay() {
    assertProved("getter under a monitor", () -> {
      Gate gate = new Gate();
      concurrently(gate::await, gate::open);
    });
  }

  /** A gate its waiters poll under its monitor, through a getter of its own. */
  private static class Gate {
    private final Object lock = new Object();
    private boolean open; // guarded by lock

    void await() {
      while (true) {
        synchronized (lock) {
          if (isOpen()) break;
        }
      }
    }

    private boolean isOpen() {
      return open;
    }

    void open() {
      synchronized (lock) {
        open = true;
      }
    }
  }

  /**
   * A plain flag polled under the {@code ReentrantLock} that guards it. Two things make it end:
   * the section only reads, so the waiter gives way once nothing has been written (without that,
   * the first execution runs the waiter to the step bound); and the writer, woken inside {@code
   * lock()} by the waiter's {@code unlock()}, waits until the lock is free (without that, a later
   * execution has the waiter retake the lock before the writer runs, every time).
   */
  @Test
  void aPollUnderAReentrantLockGivesWay() {
    assertProved("lock poll", () -> {
      ReentrantLock lock = new ReentrantLock();
      boolean[] done = new boolean[1];
      concurrently(() -> {
        while (true) {
          lock.lock();
          try {
            if (done[0]) break;
          } finally {
            lock.unlock();
          }
        }
      }, () -> setUnder(lock, done, 0));
    });
  }

  /** The same through {@code tryLock()}: a failure is a failed attempt, a success a section. */
  @Test
  void aPollThroughTryLockGivesWay() {
    assertProved("tryLock poll", () -> {
      ReentrantLock lock = new ReentrantLock();
      boolean[] done = new boolean[1];
      concurrently(() -> {
        while (true) {
          if (lock.tryLock()) {
            try {
              if (done[0]) break;
            } finally {
              lock.unlock();
            }
          }
        }
      }, () -> setUnder(lock, done, 0));
    });
  }

  private static void setUnder(ReentrantLock lock, boolean[] flags, int i) {
    lock.lock();
    try {
      flags[i] = true;
    } finally {
      lock.unlock();
    }
  }

  /** {@code Thread.getState()} polled until the other thread blocks on a monitor main holds. */
  @Test
  void pollingGetStateGivesWay() {
    assertProved("getState", () -> {
      Object lock = new Object();
      Thread worker = new Thread(() -> {
        synchronized (lock) {
          // entered once main lets go
        }
      }, "worker");
      synchronized (lock) {
        worker.start();
        while (worker.getState() != Thread.State.BLOCKED) {
          // the worker has not reached the monitor yet
        }
      }
      while (worker.getState() != Thread.State.TERMINATED) {
        // the worker ends
      }
    });
  }

  @Test
  void aSpinThatNoThreadEndsIsStillALivelock() {
    Body body = () -> {
      AtomicInteger state = new AtomicInteger();
      concurrently(() -> {
        while (!state.compareAndSet(1, 2)) {
          // nobody ever writes 1
        }
      }, () -> state.set(3));
    };
    Failure f = livelock(StrategyKind.DFS, "no writer", body);
    assertTrue(f.details().contains("waiter) at compareAndSet AtomicInteger#1"), f.details());
  }

  @Test
  void aPollUnderAMonitorThatNoThreadEndsIsStillALivelock() {
    Body body = () -> {
      Object lock = new Object();
      boolean[] flags = new boolean[2];
      concurrently(() -> {
        while (true) {
          synchronized (lock) {
            if (flags[0]) break;
          }
        }
      }, () -> {
        synchronized (lock) {
          flags[1] = true; // the wrong flag: the waiter polls forever
        }
      });
    };
    Failure f = livelock(StrategyKind.DFS, "no writer under the monitor", body);
    assertTrue(f.details().contains("waiter) at enter"), f.details());
  }

  @Test
  void aPollUnderAReentrantLockThatNoThreadEndsIsStillALivelock() {
    Body body = () -> {
      ReentrantLock lock = new ReentrantLock();
      boolean[] flags = new boolean[2];
      concurrently(() -> {
        while (true) {
          lock.lock();
          try {
            if (flags[0]) break;
          } finally {
            lock.unlock();
          }
        }
      }, () -> setUnder(lock, flags, 1)); // the wrong flag: the waiter polls forever
    };
    Failure f = livelock(StrategyKind.DFS, "no writer under the lock", body);
    assertTrue(f.details().contains("waiter) at lock ReentrantLock#1"), f.details());
  }

  /**
   * As {@link #aSectionThatCountsItsAttemptsIsNoPoll}, under a {@code ReentrantLock}: the writer
   * seeing four attempts is found, which could not be were the section taken for one that only
   * reads.
   */
  @Test
  void aSectionUnderALockThatCountsItsAttemptsIsNoPoll() {
    Body body = () -> {
      ReentrantLock lock = new ReentrantLock();
      int[] attempts = new int[1];
      boolean[] done = new boolean[1];
      int[] seen = new int[1];
      Thread writer = new Thread(() -> {
        int before;
        lock.lock();
        try {
          before = attempts[0];
        } finally {
          lock.unlock();
        }
        lock.lock();
        try {
          seen[0] = attempts[0] - before;
          done[0] = true;
        } finally {
          lock.unlock();
        }
      }, "writer");
      writer.start();
      while (true) {
        lock.lock();
        try {
          attempts[0]++;
          if (done[0]) break;
        } finally {
          lock.unlock();
        }
      }
      writer.join();
      assertTrue(seen[0] < 4, "the writer saw " + seen[0] + " attempts");
    };
    assertFoundAndReplayed(explore(StrategyKind.RANDOM, "counting under a lock", body), body,
        "the writer saw");
  }

  /**
   * A loop that counts its attempts inside the section writes each time around: no poll, so it is
   * interleaved with the writer however long it runs, and the writer seeing four attempts between
   * its two sections, which only such schedules show, is found. Were the section taken for one that
   * only reads, the waiter would give way after its second attempt with nothing else written (only
   * the two threads run meanwhile), and the assertion could never fail.
   */
  @Test
  void aSectionThatCountsItsAttemptsIsNoPoll() {
    Body body = () -> {
      Object lock = new Object();
      int[] attempts = new int[1];
      boolean[] done = new boolean[1];
      int[] seen = new int[1];
      Thread writer = new Thread(() -> {
        int before;
        synchronized (lock) {
          before = attempts[0];
        }
        synchronized (lock) {
          seen[0] = attempts[0] - before;
          done[0] = true;
        }
      }, "writer");
      writer.start();
      while (true) {
        synchronized (lock) {
          attempts[0]++;
          if (done[0]) break;
        }
      }
      writer.join();
      assertTrue(seen[0] < 4, "the writer saw " + seen[0] + " attempts");
    };
    assertFoundAndReplayed(explore(StrategyKind.RANDOM, "counting", body), body, "the writer saw");
  }

  /** The exploration found an exception saying {@code what}, and its schedule replays it exactly. */
  private static void assertFoundAndReplayed(ExplorationResult result, Body body, String what) {
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.EXCEPTION, f.kind(), f.message());
    assertTrue(f.message().contains(what), f.message());
    ReplayResult replay = Weft.replay(f.schedule(), body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace(), "the replayed trace differs from the reported one");
  }

  @Test
  void partiesThatKeepPassingTheTokenAreStillALivelock() {
    Body body = () -> PoliteTokenPassing.main(new String[0]);
    for (StrategyKind strategy : new StrategyKind[] {StrategyKind.DFS, StrategyKind.RANDOM}) {
      Failure f = livelock(strategy, "token " + strategy.cliName(), body);
      // Both keep running: a fair livelock, not one party starved while the other spins.
      assertTrue(f.details().contains("(party-0) at"), f.details());
      assertTrue(f.details().contains("(party-1) at"), f.details());
    }
  }

  @Test
  void theTraceSaysWhyAFailingThreadGaveWay() {
    Body body = () -> {
      AtomicInteger state = new AtomicInteger();
      concurrently(() -> {
        while (!state.compareAndSet(1, 2)) {
          // waits for the writer's 1
        }
      }, () -> state.set(1));
      throw new IllegalStateException("the end, to see the trace");
    };
    // Unshrunk: systematic search's first execution, where the waiter goes first and spins.
    ExplorationResult result = Weft.exploreInterleavings(
        Budget.options(StrategyKind.DFS, 1L, "FairnessTest.trace").shrink(false).build(), body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(0, f.execution(), f.message());
    assertTrue(f.trace().contains(
        "waiter) spins (compareAndSet AtomicInteger#1 failed before, nothing written since)"),
        f.trace());
  }

  private static Failure livelock(StrategyKind strategy, String name, Body body) {
    ExplorationResult result = explore(strategy, name, body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.LIVELOCK, f.kind(), f.message());
    ReplayResult replay = Weft.replay(f.schedule(), body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace(), "the replayed trace differs from the reported one");
    return f;
  }
}
