package dev.weft.explorer.report.html;

import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each shown step of a report goes, in pixels: one row per step, fixed sizes, so the arrows
 * are drawn where the cells are without a script to measure them. A trace longer than {@link
 * #MAX_SHOWN} steps shows its first {@link #HEAD} and its last ones, with a row that says what is
 * left out.
 */
final class Layout {
  static final int GUTTER = 56;
  static final int LANE = 260;
  static final int PAD = 12;
  static final int CELL = 36;
  static final int ROW = 42;
  static final int SWITCH = 16;
  static final int HEADER = 40;
  static final int MAX_SHOWN = 400;
  static final int HEAD = 100;

  /**
   * A row: a step with the reason of the switch before it (null if none), or, with no step, a
   * mark for the steps not shown.
   */
  record Row(TraceEvent event, String text, int top) {}

  private final List<Row> rows;
  private final int lanes;
  private final int height;
  /** The top of the row for the steps not shown; -1 when every step is shown. */
  private final int gapTop;

  Layout(List<TraceEvent> steps, int lanes) {
    this.lanes = lanes;
    List<Row> out = new ArrayList<>();
    int top = HEADER + 8;
    int gap = -1;
    int tailFrom = steps.size() > MAX_SHOWN ? steps.size() - (MAX_SHOWN - HEAD) : HEAD;
    for (int i = 0; i < steps.size(); i++) {
      if (i == HEAD && tailFrom > HEAD) {
        gap = top;
        out.add(new Row(null, "... steps " + steps.get(HEAD).step() + " to "
            + steps.get(tailFrom - 1).step() + " not shown ...", top));
        top += ROW;
        i = tailFrom;
      }
      TraceEvent e = steps.get(i);
      if (e.switchReason() != null) top += SWITCH;
      out.add(new Row(e, e.switchReason(), top));
      top += ROW;
    }
    this.rows = List.copyOf(out);
    this.height = top;
    this.gapTop = gap;
  }

  List<Row> rows() {
    return rows;
  }

  Map<Integer, Row> byStep() {
    Map<Integer, Row> m = new HashMap<>();
    for (Row r : rows) if (r.event() != null) m.put(r.event().step(), r);
    return m;
  }

  /** Whether the steps not shown lie between these rows: an arrow across them would mislead. */
  boolean gapBetween(Row from, Row to) {
    return from.top() < gapTop && gapTop < to.top();
  }

  int laneLeft(int thread) {
    return GUTTER + thread * LANE;
  }

  /** The x of a cell's right edge ({@code right}) or left edge in a thread's lane. */
  int cellEdge(int thread, boolean right) {
    return laneLeft(thread) + (right ? LANE - PAD : PAD);
  }

  int width() {
    return GUTTER + lanes * LANE;
  }

  int height() {
    return height;
  }
}
