package dev.weft.scheduler.runtime;

/**
 * {@code LockSupport.park} and {@code unpark} in one execution, the blocking beneath every lock,
 * latch, queue and future of {@code java.util.concurrent}. Each thread has a permit in the model
 * ({@link ControlledThread#permit}); a park is a scheduling point, enabled once the thread has a
 * permit, is interrupted, or can time out (and, when spurious wakeups are allowed, always). The code
 * of {@code java.util.concurrent} runs as it is between parks, one thread at a time.
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
    } else if (timeoutNanos >= 0) {
      execution.advanceClock(timeoutNanos);
      why = "timed out";
    } else {
      why = "spurious wakeup";
    }
    execution.record(ct, Operation.PARK, shown, site, why);
    return true;
  }

  /** Whether a parked thread may return from its park now. */
  static boolean mayReturn(ControlledThread t, boolean spuriousWakeups) {
    return t.permit || t.externalPermit || t.interrupted || t.parkTimeoutNanos >= 0
        || spuriousWakeups;
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
