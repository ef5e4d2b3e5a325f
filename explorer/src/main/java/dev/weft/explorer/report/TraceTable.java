package dev.weft.explorer.report;

import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;

/**
 * Renders a trace as a table: one column per thread, one row per step, each cell the operation, the
 * object and the source line; a context switch is a marked line that gives its reason.
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

  private TraceTable() {}

  public static String render(List<TraceEvent> events, List<String> threadNames) {
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
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      if (e.switchReason() != null) out.append("      ~ switch: ").append(e.switchReason()).append('\n');
      out.append(String.format("%5d", e.step()));
      for (int t = 0; t < threads; t++) {
        out.append(" | ").append(pad(t == e.thread() ? cells[i] : "", width[t]));
      }
      out.append('\n');
    }
    return stripTrailingSpaces(out);
  }

  private static String cell(TraceEvent e) {
    StringBuilder s = new StringBuilder(e.operation().verb());
    if (e.target() != null) s.append(' ').append(e.target());
    if (e.note() != null) s.append(" (").append(e.note()).append(')');
    Site site = SiteRegistry.get(e.site());
    if (site != null) s.append("  ").append(site.location());
    return s.toString();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  private static String stripTrailingSpaces(StringBuilder table) {
    return table.toString().replaceAll("(?m) +$", "");
  }
}
