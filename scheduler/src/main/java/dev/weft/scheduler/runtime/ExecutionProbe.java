package dev.weft.scheduler.runtime;

import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;

/**
 * What a harness running inside an execution may read of it while it runs (the property layer's
 * scenarios, the CLI's output marks): the step, the calling thread's id, the trace so far. Reading
 * is never a scheduling point, so it does not change the schedule.
 */
public final class ExecutionProbe {
  private final Execution execution;

  ExecutionProbe(Execution execution) {
    this.execution = execution;
  }

  /**
   * The scheduling points this execution has passed, as the calling thread reads it between two of
   * them; -1 when that thread is not controlled. For harnesses that place a user's operation on the
   * trace's step axis; reading is not itself a step, so it does not change the schedule.
   */
  public int readStep() {
    return execution.holdingTurn() == null ? -1 : execution.steps();
  }

  /**
   * The calling thread's id (T0 is 0), as the trace names it; -1 when that thread is not
   * controlled. For harnesses that find a thread's steps in {@link #readTrace()}.
   */
  public int readThreadId() {
    ControlledThread ct = execution.holdingTurn();
    return ct == null ? -1 : ct.id;
  }

  /**
   * The events traced so far, in order, as the calling thread reads them between two scheduling
   * points; empty when tracing is off or the thread is not controlled. For harnesses that judge an
   * execution while it runs (its happens-before order); plain accesses found racing are added to
   * the trace only as the execution ends, so they are not in it yet.
   */
  public List<TraceEvent> readTrace() {
    return execution.holdingTurn() == null ? List.of() : execution.trace().snapshot();
  }

  /** The number of events {@link #readTrace()} would return, without copying them. */
  public int readTraceLength() {
    return execution.holdingTurn() == null ? 0 : Math.max(0, execution.trace().size());
  }

  /** The display name of each thread so far, by id, as the trace names them. */
  public List<String> readThreadNames() {
    return execution.threadNames();
  }
}
