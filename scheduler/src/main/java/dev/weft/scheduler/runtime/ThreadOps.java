package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.threads.VirtualThreads;
import dev.weft.scheduler.view.Operation;

/**
 * Operations on threads in one execution: join, sleep, interrupt and the queries of thread state.
 * Interrupt status lives in the model ({@link ControlledThread#interrupted}); sleep and timeouts
 * move the virtual clock. Each method returns whether it handled the call; when it did not (the
 * caller or target is not controlled), the real method runs.
 */
public final class ThreadOps {
  private final Execution execution;

  ThreadOps(Execution execution) {
    this.execution = execution;
  }

  /** Emulates {@code join}; a timeout of -1 waits for as long as it takes. */
  public boolean join(Thread t, long timeoutNanos, int site) throws InterruptedException {
    ControlledThread ct = execution.controlled();
    if (ct == null) return false;
    ControlledThread target = execution.find(t);
    if (target == null) {
      if (t.isAlive() && t != Thread.currentThread()) {
        execution.reachedUncontrolled(ct, "joins " + describe(t));
      }
      return false;
    }
    ct.joinTarget = target;
    ct.joinTimeoutNanos = timeoutNanos;
    execution.step(ct, Operation.JOIN, t, site);
    throwIfInterrupted(ct, Operation.JOIN, t, site);
    if (target.status != ThreadStatus.FINISHED) {
      execution.advanceClock(timeoutNanos);
      execution.record(ct, Operation.JOIN, t, site, "timed out");
      return true;
    }
    execution.record(ct, Operation.JOIN, t, site, null);
    awaitRealDeath(t);
    return true;
  }

  /** The target passed its exit hook; wait the moment it takes the JVM to finish it. */
  private static void awaitRealDeath(Thread t) {
    if (VirtualThreads.isVirtual(t)) {
      // Its carrier finishes it in a moment. A real join would leave that carrier to unpark this
      // thread, which the model would take for a permit given by a thread it does not control.
      while (t.isAlive()) Thread.yield();
      return;
    }
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  public boolean isFinished(Thread t) {
    ControlledThread target = execution.find(t);
    return target == null ? !t.isAlive() : target.status == ThreadStatus.FINISHED;
  }

  /** {@code Thread.sleep}: a scheduling point that orders nothing; advances the virtual clock. */
  public boolean sleep(long nanos, int site) throws InterruptedException {
    ControlledThread ct = execution.controlled();
    if (ct == null) return false;
    execution.step(ct, Operation.SLEEP, null, site);
    throwIfInterrupted(ct, Operation.SLEEP, null, site);
    execution.advanceClock(nanos);
    execution.record(ct, Operation.SLEEP, null, site, null);
    return true;
  }

  private void throwIfInterrupted(ControlledThread ct, Operation op, Object target, int site)
      throws InterruptedException {
    if (!ct.interrupted) return;
    ct.interrupted = false;
    execution.record(ct, op, target, site, "interrupted");
    throw HookGuard.forProgram(new InterruptedException());
  }

  public boolean interrupt(Thread t, int site) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return false;
    ControlledThread target = execution.find(t);
    if (target == null) return false;
    execution.step(ct, Operation.INTERRUPT, t, site);
    target.interrupted = true;
    execution.record(ct, Operation.INTERRUPT, t, site, null);
    return true;
  }

  /** Returns 1 or 0 for a controlled target, -1 when the real method must answer. */
  public int isInterrupted(Thread t, boolean clear, int site) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return -1;
    ControlledThread target = execution.find(t);
    if (target == null) return -1;
    execution.step(ct, Operation.IS_INTERRUPTED, t, site);
    boolean value = target.interrupted;
    if (clear) target.interrupted = false;
    execution.record(ct, Operation.IS_INTERRUPTED, t, site, Boolean.toString(value));
    return value ? 1 : 0;
  }

  /**
   * {@code Thread.interrupt} called from JDK code (a future's cancel, an executor's shutdownNow):
   * the model's flag, with no scheduling point of its own, since the caller is inside one.
   */
  public boolean interruptFromJdk(Thread t) {
    ControlledThread ct = execution.holdingTurn();
    ControlledThread target = ct == null ? null : execution.find(t);
    if (target == null) return false;
    target.interrupted = true;
    execution.accessedBetweenSteps(ct, Operation.INTERRUPT, t, -1);
    // A thread interrupting itself from JDK code restores a status that JDK code cleared earlier.
    String note = target == ct && execution.trace().on() ? "restored by " + Callers.name() : null;
    execution.record(ct, Operation.INTERRUPT, t, ct.inCall ? ct.callSite : -1, note);
    return true;
  }

  /**
   * The interrupt status as JDK code reads it ({@code Thread.interrupted} in a lock's acquire, for
   * instance): 1 or 0 from the model, -1 when the real flag must answer.
   */
  public int interruptStatusFromJdk(Thread t, boolean clear) {
    ControlledThread ct = execution.holdingTurn();
    ControlledThread target = ct == null ? null : execution.find(t);
    if (target == null) return -1;
    boolean value = target.interrupted;
    // Only a clear that changes the flag is an access worth ordering: the JDK reads the flag after
    // parks (which read it already) and in places such as class loading, which must not make
    // otherwise equal interleavings look different.
    if (clear && value) {
      target.interrupted = false;
      execution.accessedBetweenSteps(ct, Operation.CLEAR_INTERRUPT, t, -1);
      // Shown, though no scheduling point: while the flag is cleared (a lock's acquire clears it
      // after each park and restores it once the lock is taken), other threads read false.
      if (execution.trace().on()) {
        execution.record(ct, Operation.CLEAR_INTERRUPT, t, ct.inCall ? ct.callSite : -1,
            "by " + Callers.name() + "; other threads see it unset until it is restored");
      }
    }
    return value ? 1 : 0;
  }

  private static String describe(Thread t) {
    return (VirtualThreads.isVirtual(t) ? "virtual thread" : "thread") + " '" + t.getName() + "'";
  }

  /**
   * {@code t.getState()} for a controlled target, from the model, as the JVM would report it were
   * the threads really running: a real controlled thread is always parked while another has the
   * turn, so the real answer would tell nothing. Null when the real method must answer.
   */
  public Thread.State getState(Thread t, int site) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return null;
    ControlledThread target = execution.find(t);
    if (target == null) return null;
    execution.step(ct, Operation.GET_STATE, t, site);
    Thread.State state = stateOf(target);
    execution.record(ct, Operation.GET_STATE, t, site, state.name());
    return state;
  }

  private Thread.State stateOf(ControlledThread t) {
    if (t.status == ThreadStatus.FINISHED) return Thread.State.TERMINATED;
    if (t.status == ThreadStatus.WAITING) return waiting(t.waitTimeoutNanos);
    if (t.starting || t.pendingOp == null) return Thread.State.RUNNABLE;
    switch (t.pendingOp) {
      case MONITOR_ENTER:
        return execution.monitors().isFreeFor(t.pendingObject, t) ? Thread.State.RUNNABLE
            : Thread.State.BLOCKED;
      case PARK:
        return Parking.mayReturn(t) ? Thread.State.RUNNABLE : waiting(t.parkTimeoutNanos);
      case JOIN:
        return t.joinTarget.status == ThreadStatus.FINISHED || t.interrupted
            ? Thread.State.RUNNABLE : waiting(t.joinTimeoutNanos);
      default:
        return Thread.State.RUNNABLE;
    }
  }

  private static Thread.State waiting(long timeoutNanos) {
    return timeoutNanos >= 0 ? Thread.State.TIMED_WAITING : Thread.State.WAITING;
  }

  /** Returns 1 or 0 for a controlled target, -1 when the real method must answer. */
  public int isAlive(Thread t, int site) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return -1;
    ControlledThread target = execution.find(t);
    if (target == null) return -1;
    execution.step(ct, Operation.IS_ALIVE, t, site);
    boolean alive = target.status != ThreadStatus.FINISHED;
    execution.record(ct, Operation.IS_ALIVE, t, site, Boolean.toString(alive));
    return alive ? 1 : 0;
  }
}
