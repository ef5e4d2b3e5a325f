package dev.weft.cli.child;

import dev.weft.explorer.report.html.HtmlReport;
import java.util.ArrayList;
import java.util.List;

/**
 * One execution's output, as {@link ExecutionOutput} kept it, line by line with its step marks,
 * and how a report shows it: as text after the trace, and as a section of the HTML page.
 *
 * @param lines the whole lines of its last {@link ExecutionOutput#LIMIT} bytes at most, in order
 * @param dropped how many bytes before those were dropped, 0 when it is whole
 */
record CapturedOutput(List<Line> lines, long dropped) {
  static final String HEADING = "Output of the execution above (standard output and error, as"
      + " written):";
  private static final String PAGE_HEADING = "Output of the execution (standard output and error,"
      + " as written)";
  private static final List<String> COLUMNS = List.of("after step", "thread", "line");

  CapturedOutput {
    lines = List.copyOf(lines);
  }

  /**
   * A line of output (without its line break), marked with the step of the trace it was written
   * after and the thread that wrote it.
   *
   * @param step the trace's step the line began after; -1 when it began before the first step or
   *     on a thread Weft does not control
   * @param thread the writing thread as the trace names it, e.g. {@code T1}; null when Weft does
   *     not control it
   */
  record Line(int step, String thread, String text) {
    String stepMark() {
      return step < 0 ? "-" : Integer.toString(step);
    }

    String threadMark() {
      return thread == null ? "-" : thread;
    }
  }

  /** The output as a table under its heading, ending with a newline; empty when there was none. */
  String section() {
    if (lines.isEmpty()) return "";
    StringBuilder s = new StringBuilder(HEADING).append('\n');
    if (dropped > 0) s.append('(').append(droppedNote()).append(")\n");
    int stepWidth = COLUMNS.get(0).length();
    int threadWidth = COLUMNS.get(1).length();
    for (Line l : lines) threadWidth = Math.max(threadWidth, l.threadMark().length());
    row(s, stepWidth, threadWidth, COLUMNS.get(0), COLUMNS.get(1), COLUMNS.get(2));
    for (Line l : lines) row(s, stepWidth, threadWidth, l.stepMark(), l.threadMark(), l.text());
    return s.toString();
  }

  /** The output as a section of the HTML page; null when there was none. */
  HtmlReport.Section pageSection() {
    if (lines.isEmpty()) return null;
    List<List<String>> table = new ArrayList<>();
    table.add(COLUMNS);
    for (Line l : lines) table.add(List.of(l.stepMark(), l.threadMark(), l.text()));
    return new HtmlReport.Section(PAGE_HEADING,
        dropped > 0 ? List.of(droppedNote()) : List.of(), table);
  }

  private String droppedNote() {
    return dropped + " bytes dropped before this: only the last " + ExecutionOutput.LIMIT / 1024
        + " KB of an execution's output are kept";
  }

  private static void row(StringBuilder s, int stepWidth, int threadWidth, String step,
      String thread, String text) {
    s.append(" ".repeat(stepWidth - step.length() + 1)).append(step).append(" | ").append(thread)
        .append(" ".repeat(threadWidth - thread.length())).append(" | ").append(text)
        .append('\n');
  }
}
