package dev.weft.explorer.report;

import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Renders a trace as a table: one column per thread, one row per step, each cell the operation, the
 * object and the source line; a context switch is a marked line that gives its reason; a block of
 * rows that repeats (a loop) shows once, then {@code <iterations 2-N ...>}; a trace still longer than
 * 240 rows shows its first and last 120 and says how many steps are not shown.
 *
 * <pre>
 *  step | T0                                   | T1
 *  -----+--------------------------------------+--------------------------------------
 *     0 | start T1             LostUpdate.java:20 |
 *       ~ switch: T0 preempted
 *     1 |                                      | read Counter#1.value LostUpdate.java:31
 * </pre>
 */
public final class TraceTable {
  private static final int MAX_CELL = 64;
  /** Rows kept at each end of a trace that is still too long after collapsing loops. */
  private static final int ELIDE_KEEP = 120;

  private TraceTable() {}

  /**
   * The table, or a line saying there is none: an execution that got stuck in code Weft does not
   * control is not replayed with tracing on (it would block again), so it has no recorded steps.
   */
  public static String render(List<TraceEvent> events, List<String> threadNames) {
    if (events.isEmpty()) {
      return "(no trace: the execution was not replayed with tracing on, since it would block"
          + " again where it got stuck)\n";
    }
    int threads = threadNames.size();
    String[] cells = new String[events.size()];
    int[] width = new int[threads];
    for (int t = 0; t < threads; t++) width[t] = threadNames.get(t).length();
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      cells[i] = cell(e);
      width[e.thread()] = Math.min(MAX_CELL, Math.max(width[e.thread()], cells[i].length()));
    }
    StringBuilder out = new StringBuilder();
    out.append(" step");
    for (int t = 0; t < threads; t++) out.append(" | ").append(pad(threadNames.get(t), width[t]));
    out.append('\n').append("-----");
    for (int t = 0; t < threads; t++) out.append("-+-").append("-".repeat(width[t]));
    out.append('\n');
    Iterator<LoopCollapser.Loop> loops = LoopCollapser.find(events).iterator();
    LoopCollapser.Loop loop = loops.hasNext() ? loops.next() : null;
    List<String> chunks = new ArrayList<>(); // one per row or loop mark, with its switch line
    List<Integer> chunkSteps = new ArrayList<>();
    int i = 0;
    while (i < events.size()) {
      StringBuilder chunk = new StringBuilder();
      chunkSteps.add(events.get(i).step());
      if (loop != null && i == loop.start() + loop.body()) {
        chunk.append("      ~ <iterations 2-").append(loop.iterations()).append(" of the ")
            .append(loop.body()).append(loop.body() == 1 ? " row" : " rows")
            .append(" above: steps ").append(events.get(i).step()).append('-')
            .append(events.get(loop.end() - 1).step()).append(">\n");
        i = loop.end();
        loop = loops.hasNext() ? loops.next() : null;
      } else {
        row(chunk, events.get(i), cells[i], width);
        i++;
      }
      chunks.add(chunk.toString());
    }
    if (chunks.size() > 2 * ELIDE_KEEP) {
      // Still too long (a livelock rarely repeats in neat blocks): the start and the end tell it.
      int from = ELIDE_KEEP;
      int to = chunks.size() - ELIDE_KEEP;
      String mark = "      ~ <" + (to - from) + " rows not shown: steps " + chunkSteps.get(from) + "-"
          + (chunkSteps.get(to) - 1) + ">\n";
      chunks = new ArrayList<>(List.of(String.join("", chunks.subList(0, from)), mark,
          String.join("", chunks.subList(to, chunks.size()))));
    }
    chunks.forEach(out::append);
    return stripTrailingSpaces(out);
  }

  private static void row(StringBuilder out, TraceEvent e, String cell, int[] width) {
    if (e.switchReason() != null) out.append("      ~ switch: ").append(e.switchReason()).append('\n');
    out.append(String.format("%5d", e.step()));
    for (int t = 0; t < width.length; t++) {
      out.append(" | ").append(pad(t == e.thread() ? cell : "", width[t]));
    }
    out.append('\n');
  }

  private static String cell(TraceEvent e) {
    String where = Steps.where(e);
    return where == null ? Steps.what(e) : Steps.what(e) + "  " + where;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String stripTrailingSpaces(StringBuilder table) {
    return table.toString().replaceAll("(?m) +$", "");
  }
}
