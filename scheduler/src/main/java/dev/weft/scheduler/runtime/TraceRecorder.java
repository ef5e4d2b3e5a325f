package dev.weft.scheduler.runtime;

import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trace of one execution, when tracing is on: its events in order, each switch between
 * threads marked with why the thread seen acting before gave up the turn. Off, every call returns at
 * once. Used by the thread holding the turn only.
 */
final class TraceRecorder {
  /** The events so far; null when not tracing. */
  private final List<TraceEvent> events;
  private ControlledThread lastActor;
  /** Where each mark's event is, moved on as events are inserted before it ({@link #mark()}). */
  private int[] marks = new int[0];

  TraceRecorder(boolean on) {
    this.events = on ? new ArrayList<>() : null;
  }

  boolean on() {
    return events != null;
  }

  /** The number of events so far; -1 when not tracing. */
  int size() {
    return events == null ? -1 : events.size();
  }

  /** The events so far, immutable; empty when not tracing. */
  List<TraceEvent> snapshot() {
    return events == null ? List.of() : List.copyOf(events);
  }

  /**
   * A mark on the event added next, which stays on that event as others are inserted before it;
   * -1 when not tracing.
   */
  int mark() {
    if (events == null) return -1;
    marks = Arrays.copyOf(marks, marks.length + 1);
    marks[marks.length - 1] = events.size();
    return marks.length - 1;
  }

  /** The index of the event {@code mark} is on. */
  int position(int mark) {
    return marks[mark];
  }

  /** Adds an event whose target is already worded. */
  void add(ControlledThread ct, Operation op, String target, int site, String note) {
    if (events == null) return;
    String reason = null;
    if (ct != lastActor) {
      // Why the thread last seen acting gave up the turn; threads that ran meanwhile without a
      // visible operation do not matter to the reader.
      reason = lastActor == null ? null : lastActor.stopReason;
      lastActor = ct;
    }
    events.add(new TraceEvent(events.size(), ct.id, op, target, site, note, reason));
  }

  /**
   * Inserts an event at {@code index}, where it happened: a plain access that turned out to race,
   * which the trace records only then, as the execution ends.
   */
  void insert(int index, ControlledThread ct, Operation op, String target, int site, String note) {
    if (events == null || index < 0 || index > events.size()) return;
    events.add(index, new TraceEvent(index, ct.id, op, target, site, note, null));
    for (int i = index + 1; i < events.size(); i++) events.set(i, events.get(i).renumbered(i));
    for (int i = 0; i < marks.length; i++) if (marks[i] >= index) marks[i]++;
  }
}
