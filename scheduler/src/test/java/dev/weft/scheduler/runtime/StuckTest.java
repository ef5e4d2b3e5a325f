package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.strategy.RandomWalk;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * A controlled thread that blocks in code Weft does not control: the execution ends at its deadline
 * as STUCK with the thread's stack. Weft then interrupts the thread; if that ends it, nothing leaks
 * ({@code leaked == false}); if the thread ignores interrupts, the scheduler gives up after its
 * release timeout (5 s) and reports {@code leaked == true}.
 */
class StuckTest {
  /** Only a hang guard: a thread let go ends within milliseconds, however busy the machine. */
  private static final long HANG_GUARD_MILLIS = TimeUnit.MINUTES.toMillis(2);
  /**
   * The stuck deadline: far above what the code before each hang takes (a first lambda's bootstrap
   * took over 200 ms on a busy machine, and the deadline named the wrong thread), since only the
   * hang may reach it.
   */
  private static final long DEADLINE_MILLIS = 5_000;
  private static final ExecutionConfig SHORT = new ExecutionConfig(
      10_000, TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS), false, false);

  @Test
  void blockingOnAnUncontrolledLatchIsStuckAndTheInterruptEndsIt() throws InterruptedException {
    AtomicReference<Thread> body = new AtomicReference<>();
    long began = System.nanoTime();
    ExecutionResult r = Scheduler.execute(SHORT, new RandomWalk(), 1, () -> {
      body.set(Thread.currentThread());
      new CountDownLatch(1).await();
    });
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

    assertEquals(Outcome.STUCK, r.outcome(), r.report());
    assertTrue(tookMillis >= DEADLINE_MILLIS,
        "ended before its deadline, after " + tookMillis + " ms");
    assertTrue(r.report().startsWith("T0 is running code Weft does not control"), r.report());
    assertTrue(r.report().contains("java.util.concurrent.CountDownLatch.await("),
        r.report());
    assertTrue(r.report().contains("raise the execution timeout: --execution-timeout"),
        r.report());
    assertTrue(r.report().lines().findFirst().orElseThrow()
        .endsWith("did not come back within the execution timeout of 5000 ms."), r.report());
    assertEquals(0, r.thread());
    assertFalse(r.leaked(), "the latch wait is interruptible, so the thread ended");
    assertFalse(body.get().isAlive());
  }

  @Test
  void aChildInARealObjectWaitIsNamedWithItsStack() {
    AtomicReference<Thread> child = new AtomicReference<>();
    ExecutionResult r = Scheduler.execute(SHORT, new RandomWalk(), 1, () -> {
      Object hidden = new Object(); // its wait is not instrumented
      // The child blocks before its first visible operation, while its parent still waits in
      // start for it to get there: the child names itself.
      Thread t = start("blocker", () -> {
        child.set(Thread.currentThread());
        synchronized (hidden) {
          hidden.wait();
        }
      });
      join(t);
    });

    assertEquals(Outcome.STUCK, r.outcome(), r.report());
    assertTrue(r.report().startsWith("T1 (blocker) is running code Weft does not control"),
        r.report());
    assertTrue(r.report().contains("java.lang.Object.wait("), r.report());
    assertEquals(1, r.thread());
    assertFalse(r.leaked());
    assertFalse(child.get().isAlive());
  }

  @Test
  void aThreadThatIgnoresInterruptsIsReportedAsLeaked() throws InterruptedException {
    AtomicBoolean letGo = new AtomicBoolean();
    AtomicReference<Thread> body = new AtomicReference<>();
    ExecutionResult r = Scheduler.execute(SHORT, new RandomWalk(), 1, () -> {
      body.set(Thread.currentThread());
      while (!letGo.get()) {
        Thread.interrupted(); // swallows Weft's interrupt
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
    });
    try {
      assertEquals(Outcome.STUCK, r.outcome(), r.report());
      // Its loop, wherever in it the deadline caught it: parked, or between two parks.
      assertTrue(r.report().contains(
          "StuckTest.lambda$aThreadThatIgnoresInterruptsIsReportedAsLeaked$"), r.report());
      assertTrue(r.leaked(), "the thread is still alive, so the JVM is no longer clean");
      assertTrue(body.get().isAlive());
    } finally {
      letGo.set(true);
      body.get().join(HANG_GUARD_MILLIS);
    }
    assertFalse(body.get().isAlive(), "once let go, the leaked thread ends by itself");
  }

  /**
   * The timeout bounds one stretch without a scheduling point, not the execution: a thread that
   * takes a step every second for longer than the timeout in all is live, however long it runs.
   * Each stretch is a fifth of the timeout, so only a machine that stalls a running thread for four
   * seconds could make one look stuck.
   */
  @Test
  void anExecutionLongerThanItsTimeoutIsNotStuckWhileItKeepsTakingSteps() {
    long stretchNanos = TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS / 5);
    int stretches = 7; // seven fifths of the timeout in all
    ExecutionResult r = Scheduler.execute(SHORT, new RandomWalk(), 1, () -> {
      Object field = new Object();
      for (int i = 0; i < stretches; i++) {
        long until = System.nanoTime() + stretchNanos;
        while (System.nanoTime() < until) Thread.onSpinWait(); // not instrumented here
        write(field);
      }
    });

    assertEquals(Outcome.PASSED, r.outcome(), r.report());
  }
}
