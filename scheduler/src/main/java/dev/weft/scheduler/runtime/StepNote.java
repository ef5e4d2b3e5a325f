package dev.weft.scheduler.runtime;

import java.util.function.IntFunction;

/**
 * A note a failure's report adds about one step of its trace (a spurious wakeup, a timeout that
 * expired while another thread could run), naming that step by the number the trace shows. The
 * note is made as the step is taken, but the trace may still change before the execution ends
 * (racing plain accesses join it where they happened), so the number is read from a mark the trace
 * keeps on the step's event, when the report is written.
 *
 * @param text the note, given the step's number
 * @param mark the trace's mark on the step's event; -1 when not tracing
 * @param scheduled the step's place among the execution's scheduling points, from 0: its number
 *     when there is no trace to show
 */
record StepNote(IntFunction<String> text, int mark, int scheduled) {
  /** A note on the event {@code trace} records next, the {@code scheduled}-th scheduling point. */
  static StepNote onNextEvent(TraceRecorder trace, int scheduled, IntFunction<String> text) {
    return new StepNote(text, trace.mark(), scheduled);
  }

  String render(TraceRecorder trace) {
    return text.apply(mark < 0 ? scheduled : trace.position(mark));
  }
}
