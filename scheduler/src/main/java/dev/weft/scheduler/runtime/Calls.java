package dev.weft.scheduler.runtime;

/**
 * Calls from the program into {@code java.util.concurrent} (and atomics, {@code VarHandle}): one
 * scheduling point before each, named after the method ({@code lock ReentrantLock#1}). The call
 * itself then runs unchanged, one thread at a time; where it blocks, it parks ({@link Parking}).
 * Modelling the public operation rather than the code beneath keeps traces short and the search
 * small.
 */
public final class Calls {
  private final Execution execution;

  Calls(Execution execution) {
    this.execution = execution;
  }

  /** Before a call on {@code receiver} (null for a static method) at {@code site}. */
  public void call(Object receiver, int site, boolean readOnly) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return;
    Operation op = readOnly ? Operation.CALL_READ : Operation.CALL;
    execution.step(ct, op, receiver, site);
    ct.inCall = true;
    ct.callTarget = receiver;
    ct.callSite = site;
    execution.record(ct, op, receiver, site, null);
  }

  /** After the call returned normally (an exception leaves it open until the next step). */
  public void returned() {
    ControlledThread ct = execution.holdingTurn();
    if (ct != null) ct.inCall = false;
  }
}
