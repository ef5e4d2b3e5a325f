package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.threads.Handoff;
import dev.weft.scheduler.view.Operation;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code LockSupport.park} and {@code unpark} in one execution, the blocking beneath every lock,
 * latch, queue and future of {@code java.util.concurrent}. Each thread has a permit in the model
 * ({@link ControlledThread#permit}); a park is a scheduling point, enabled once the thread has a
 * permit, is interrupted, can time out, or was granted a spurious wakeup ({@link
 * SpuriousWakeups}). The code of {@code java.util.concurrent} runs as it is between parks, one
 * thread at a time.
 */
public final class Parking {
  private final Execution execution;

  Parking(Execution execution) {
    this.execution = execution;
  }

  /**
   * Emulates a park on {@code blocker} (may be null) for at most {@code timeoutNanos} (-1: no
   * timeout). Returns false when the caller is not controlled and the real park must run.
   */
  public boolean park(Object blocker, long timeoutNanos) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return false;
    // Inside a call (lock, take, get) the park reads as part of it, at the caller's line.
    Object shown = ct.inCall && ct.callTarget != null ? ct.callTarget : blocker;
    int site = ct.inCall ? ct.callSite : -1;
    ct.parkTimeoutNanos = timeoutNanos;
    ct.parkBlocker = blocker;
    ct.spurious = !mayReturn(ct) && execution.spuriousWakeups().grantPark(ct, timeoutNanos);
    execution.step(ct, Operation.PARK, shown, site);
    ct.parkTimeoutNanos = -1;
    ct.parkBlocker = null;
    String why;
    if (ct.permit || ct.externalPermit) {
      ct.permit = false;
      ct.externalPermit = false;
      why = "permit";
    } else if (ct.interrupted) {
      why = "interrupted"; // park returns and leaves the status set
    } else if (ct.spurious) {
      why = "spurious wakeup";
      execution.wokeSpuriously(ct, "park");
    } else {
      execution.advanceClock(timeoutNanos);
      why = "timed out";
    }
    ct.spurious = false;
    execution.record(ct, Operation.PARK, shown, site, why);
    return true;
  }

  /** Emulates {@code parkUntil}: {@code deadline} in milliseconds of the virtual wall clock. */
  public boolean parkUntil(Object blocker, long deadline) {
    if (execution.holdingTurn() == null) return false;
    long nanos = (deadline - VirtualTime.millis(execution.virtualNanos())) * 1_000_000L;
    return nanos <= 0 || park(blocker, nanos); // a deadline already past returns at once
  }

  /**
   * {@code Unsafe.park(absolute, time)}, which some JDK classes call without {@code LockSupport}
   * (the fork-join pool, on JDK 21+): the model's park for a controlled thread. Returns false when
   * the real one must run ({@link #realUnsafePark}).
   */
  public boolean unsafePark(boolean absolute, long time) {
    return absolute ? parkUntil(null, time)
        : time == 0 ? park(null, -1) : time > 0 && park(null, time);
  }

  /** The real {@code Unsafe.park(absolute, time)}. */
  public static void realUnsafePark(boolean absolute, long time) {
    Handoff.unsafePark(absolute, time);
  }

  /** The real {@code Unsafe.unpark(thread)}, where {@link #unpark} returned false. */
  public static void realUnsafeUnpark(Object thread) {
    Handoff.unsafeUnpark(thread);
  }

  /**
   * When no thread can run but some are parked on a lock that a thread Weft does not control holds
   * (the JDK's own lock of {@code System.out}, say), that thread will release it in real time:
   * waits for it, up to {@code timeoutNanos}. Returns whether some parked thread got its permit.
   */
  static boolean awaitUncontrolledOwners(ControlledThread[] threads, long timeoutNanos) {
    long deadline = System.nanoTime() + timeoutNanos;
    boolean waiting = true;
    while (waiting && System.nanoTime() - deadline < 0) {
      waiting = false;
      for (ControlledThread t : threads) {
        if (t.status != ThreadStatus.RUNNABLE || t.pendingOp != Operation.PARK) continue;
        if (t.externalPermit) return true;
        Thread owner = LockOwners.ownerOf(t.parkBlocker);
        waiting |= owner != null && owner.isAlive() && !isControlled(owner, threads);
      }
      if (waiting) Handoff.park(100_000);
    }
    return false;
  }

  private static boolean isControlled(Thread t, ControlledThread[] threads) {
    for (ControlledThread c : threads) if (c.thread == t) return true;
    return false;
  }

  /**
   * Whether {@code t}, parked inside {@code lock()} or {@code lockInterruptibly()} of a plain {@code
   * ReentrantLock} (an untimed park inside a call on one), would only park again were it let run:
   * another thread holds the lock. It would find the lock held, mark its own node of the queue
   * waiting, and park, which no other thread can observe (the lock's state, owner and queue stay as
   * they are; not interrupted, it clears no interrupt status). So it waits, keeping its permit,
   * until the lock is free, as a thread blocked on a monitor does. Without this, a thread that
   * takes and releases the lock in a loop could retake it before the woken thread runs, every
   * time: a schedule that starves the woken thread, which fair scheduling ({@link SpinDetector})
   * must not report as a livelock. A subclass may acquire differently, so it is left out.
   */
  static boolean wouldOnlyParkAgain(ControlledThread t) {
    if (t.interrupted || t.parkTimeoutNanos >= 0 || !t.inCall || t.callTarget == null
        || t.callTarget.getClass() != ReentrantLock.class) {
      return false;
    }
    Thread owner = LockOwners.ownerOf(t.parkBlocker);
    return owner != null && owner != t.thread;
  }

  /** Whether a parked thread may return from its park now, its timeout aside. */
  static boolean mayReturn(ControlledThread t) {
    return t.permit || t.externalPermit || t.interrupted || t.spurious;
  }

  /**
   * Emulates {@code unpark(t)}. Returns false when the real unpark must run: the target is not
   * controlled, or the caller is not (then the permit is noted for the target all the same, and the
   * report of a deadlock says a thread Weft does not control was involved).
   */
  public boolean unpark(Thread t) {
    if (t == null) return false;
    ControlledThread target = execution.find(t);
    if (target == null) return false;
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) {
      if (execution.find(Thread.currentThread()) == null) target.externalPermit = true;
      return false;
    }
    target.permit = true;
    int site = ct.inCall ? ct.callSite : -1;
    execution.accessedBetweenSteps(ct, Operation.UNPARK, t, site);
    execution.record(ct, Operation.UNPARK, t, site, null);
    return true;
  }
}
