package dev.weft.explorer.report;

import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Columns fit a screen only for a few threads. With more than {@value #MAX_COLUMNS}, or when the
 * columns would be wider than {@value #MAX_WIDTH} characters, each row names its thread instead:
 *
 * <pre>
 *  step | thread | operation
 *  -----+--------+-------------------------------------
 *     0 | T0     | start T1             LostUpdate.java:20
 * </pre>
 */
public final class TraceTable {
  private static final int MAX_CELL = 64;
  /** The most threads shown as columns. */
  static final int MAX_COLUMNS = 8;
  /**
   * The widest table shown as columns, in characters: a wide terminal's. Columns show at a glance
   * who ran when, worth a wide screen; three threads with long cells still fit.
   */
  static final int MAX_WIDTH = 200;
  /** Rows kept at each end of a trace that is still too long after collapsing loops. */
  private static final int ELIDE_KEEP = 120;

  private TraceTable() {}

  /** The table, or a line saying there is none: an execution that ended before its first step. */
  public static String render(List<TraceEvent> events, List<String> threadNames) {
    if (events.isEmpty()) return "(no trace: the execution took no step)\n";
    int threads = threadNames.size();
    String[] cells = new String[events.size()];
    int[] width = new int[threads];
    for (int t = 0; t < threads; t++) width[t] = threadNames.get(t).length();
    for (int i = 0; i < events.size(); i++) {
      TraceEvent e = events.get(i);
      cells[i] = cell(e);
      width[e.thread()] = Math.min(MAX_CELL, Math.max(width[e.thread()], cells[i].length()));
    }
    Layout layout = columnsFit(width) ? new Columns(threadNames, width)
        : Lines.of(threadNames, Arrays.stream(width).max().orElse(0));
    StringBuilder out = new StringBuilder();
    layout.header(out);
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
        TraceEvent e = events.get(i);
        if (e.switchReason() != null) {
          chunk.append("      ~ switch: ").append(e.switchReason()).append('\n');
        }
        chunk.append(String.format("%5d", e.step()));
        layout.row(chunk, e.thread(), cells[i]);
        chunk.append('\n');
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

  private static boolean columnsFit(int[] width) {
    int total = " step".length();
    for (int w : width) total += " | ".length() + w;
    return width.length <= MAX_COLUMNS && total <= MAX_WIDTH;
  }

  /** How the threads are laid out: the header, and the part of a row after its step number. */
  private interface Layout {
    void header(StringBuilder out);

    void row(StringBuilder out, int thread, String cell);
  }

  /** One column per thread, each as wide as its widest cell. */
  private record Columns(List<String> names, int[] width) implements Layout {
    @Override
    public void header(StringBuilder out) {
      out.append(" step");
      for (int t = 0; t < width.length; t++) out.append(" | ").append(pad(names.get(t), width[t]));
      out.append('\n').append("-----");
      for (int w : width) out.append("-+-").append("-".repeat(w));
      out.append('\n');
    }

    @Override
    public void row(StringBuilder out, int thread, String cell) {
      for (int t = 0; t < width.length; t++) {
        out.append(" | ").append(pad(t == thread ? cell : "", width[t]));
      }
    }
  }

  /** One line per step, naming its thread. */
  private record Lines(List<String> names, int nameWidth, int cellWidth) implements Layout {
    static Lines of(List<String> names, int cellWidth) {
      int nameWidth = names.stream().mapToInt(String::length).max().orElse(0);
      return new Lines(names, Math.max("thread".length(), nameWidth), cellWidth);
    }

    @Override
    public void header(StringBuilder out) {
      out.append(" step | ").append(pad("thread", nameWidth)).append(" | operation\n")
          .append("------+-").append("-".repeat(nameWidth)).append("-+-")
          .append("-".repeat(Math.max("operation".length(), cellWidth))).append('\n');
    }

    @Override
    public void row(StringBuilder out, int thread, String cell) {
      out.append(" | ").append(pad(names.get(thread), nameWidth)).append(" | ").append(cell);
    }
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
