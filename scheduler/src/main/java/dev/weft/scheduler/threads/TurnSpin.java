package dev.weft.scheduler.threads;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A short spin for the turn before a thread parks: when the turn comes back soon (two threads
 * that hand it to each other), the thread sees it within a fraction of a microsecond instead of
 * waiting for the kernel to wake it, and the thread handing it over skips the wake-up too.
 *
 * <p>It never takes a core the thread holding the turn needs. Only one thread holds the turn in an
 * execution, so an execution needs one core; a thread spins only while every execution in progress
 * can have a second one ({@code 2 × executions ≤ cores}), and only one thread of an execution spins
 * at a time: the latest to hand the turn over, whose claim ends the spin of the one before. The
 * machine may still be busy with other processes, where a spinning thread would keep the one it
 * waits for off the core: so the spin adapts, as the JVM's own spinning on monitors does. A spin
 * that ends with the turn doubles the time the next may take, up to {@link #MAX_SPIN_NANOS}; one
 * that times out halves it, and below {@link #MIN_SPIN_NANOS} threads park at once, but for one
 * short spin in {@link #PROBE_EVERY}, which finds out whether spinning pays again. A turn that does
 * not come back soon (many threads taking turns) thus soon costs no spinning at all. Virtual
 * threads never spin: they give their carrier back instead.
 *
 * <p>What a spin changes is only when a thread notices its turn, never who gets it: the schedule
 * and the trace are the same with and without it, whatever the timing.
 */
public final class TurnSpin {
  /** The longest spin: about what a park and its wake-up cost on a loaded machine. */
  public static final long MAX_SPIN_NANOS = 20_000;
  /** The shortest spin worth taking; below it threads park at once, but for probes. */
  public static final long MIN_SPIN_NANOS = 1_000;
  /** Handoffs per probe while spinning does not pay. */
  public static final int PROBE_EVERY = 64;

  private static final int CORES = Runtime.getRuntime().availableProcessors();
  private static final AtomicInteger EXECUTIONS = new AtomicInteger();
  /**
   * How long a spin may last now, for every execution (how busy the machine is does not depend on
   * the program). Updated without a lock: a lost update only misjudges one spin.
   */
  private static volatile long allowance = MAX_SPIN_NANOS;
  private static int handoffsSinceProbe;

  /** The thread of this execution allowed to spin now; a newer claim ends an older spin. */
  private volatile TurnHolder spinner;

  /** An execution begins, whose threads may spin while cores are left for it. */
  public static void executionStarted() {
    EXECUTIONS.incrementAndGet();
  }

  public static void executionEnded() {
    EXECUTIONS.decrementAndGet();
  }

  /** Spins until {@code self} has the turn, the spin is over, or another thread claims it. */
  public void await(TurnHolder self) {
    if (self.virtual || 2 * EXECUTIONS.get() > CORES) return;
    long budget = allowance;
    if (budget < MIN_SPIN_NANOS) {
      if (++handoffsSinceProbe < PROBE_EVERY) return;
      handoffsSinceProbe = 0;
      budget = MIN_SPIN_NANOS;
    }
    spinner = self;
    long start = System.nanoTime();
    boolean timedOut = false;
    while (!self.turn && spinner == self) {
      if (System.nanoTime() - start >= budget) {
        timedOut = true;
        break;
      }
      Thread.onSpinWait();
    }
    if (self.turn) {
      allowance = Math.min(MAX_SPIN_NANOS, Math.max(budget, MIN_SPIN_NANOS) * 2);
    } else if (timedOut) {
      allowance = budget / 2;
    }
  }
}
