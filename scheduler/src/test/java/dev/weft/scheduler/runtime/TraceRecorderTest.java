package dev.weft.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.view.Operation;
import org.junit.jupiter.api.Test;

/** A mark stays on its event as racing accesses are inserted into the trace before it. */
class TraceRecorderTest {
  private final ControlledThread t0 =
      new ControlledThread(0, Thread.currentThread(), null, ThreadStatus.RUNNABLE);

  @Test
  void aMarkFollowsItsEventWhenEventsAreInsertedBeforeIt() {
    TraceRecorder trace = new TraceRecorder(true);
    trace.add(t0, Operation.VOLATILE_READ, "a", 0, null);
    int mark = trace.mark();
    trace.add(t0, Operation.VOLATILE_WRITE, "b", 0, null);
    trace.add(t0, Operation.VOLATILE_READ, "c", 0, null);
    assertEquals(1, trace.position(mark));

    trace.insert(0, t0, Operation.PLAIN_WRITE, "x", 0, null); // before the marked event
    trace.insert(3, t0, Operation.PLAIN_READ, "y", 0, null); // after it
    assertEquals(2, trace.position(mark));
    assertEquals("b", trace.snapshot().get(trace.position(mark)).target());
  }

  @Test
  void withoutATraceThereIsNoMark() {
    assertEquals(-1, new TraceRecorder(false).mark());
  }
}
