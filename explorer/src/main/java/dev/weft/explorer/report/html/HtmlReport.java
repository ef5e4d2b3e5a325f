package dev.weft.explorer.report.html;

import dev.weft.explorer.report.Steps;
import dev.weft.explorer.report.graph.EdgeKind;
import dev.weft.explorer.report.graph.HappensBeforeGraph;
import dev.weft.explorer.report.graph.HbEdge;
import dev.weft.explorer.report.html.Layout.Row;
import dev.weft.scheduler.trace.TraceEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A failing execution as one self-contained HTML page: the failure in a box at the top, then one
 * lane per thread with its steps in order, the happens-before arrows between threads drawn in SVG,
 * and the failing steps marked. Styles are inline and nothing is loaded from elsewhere, so the file
 * opens anywhere, offline. Internal.
 *
 * <pre>
 *  step | T0              | T1              |
 *     0 | [start T1]------+---->[read x]    |   one row per step; a dashed line where the
 *       ~ - - switch: T0 blocked on join T1 |   running thread changed, with the reason
 *     1 |                 | [write x]       |
 * </pre>
 */
public final class HtmlReport {
  private static final String CSS = """
      body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #222; }
      h1 { font-size: 20px; margin: 0 0 12px; }
      .failure { border: 2px solid #c62828; background: #fdecea; border-radius: 6px;
        padding: 10px 14px; margin-bottom: 14px; }
      .failure h2 { font-size: 15px; margin: 0; color: #b71c1c; }
      .failure pre { margin: 8px 0 0; white-space: pre-wrap; font-size: 12px; }
      .legend { font-size: 12px; color: #555; }
      .key { margin-left: 12px; white-space: nowrap; }
      .key i { display: inline-block; width: 22px; height: 3px; margin-right: 5px;
        vertical-align: middle; }
      .key i.failing-key { height: 10px; width: 14px; border: 2px solid #c62828;
        background: #fdecea; }
      .diagram { position: relative; font: 12px/1.35 ui-monospace, monospace; }
      .lane { position: absolute; top: 0; width: %dpx; border-left: 1px solid #e3e3e3; }
      .lane h3 { margin: 0; padding: 6px 16px; font: 600 13px system-ui, sans-serif;
        border-bottom: 2px solid #bbb; }
      .step { position: absolute; left: %dpx; width: %dpx; height: %dpx; box-sizing: border-box;
        padding: 2px 6px; border: 1px solid #c8d0da; border-radius: 4px; background: #f6f8fb; }
      .step span { display: block; overflow: hidden; white-space: nowrap;
        text-overflow: ellipsis; }
      .step .where { color: #777; font-size: 11px; }
      .step.failing { border: 2px solid #c62828; background: #fdecea; }
      .no { position: absolute; left: 0; width: %dpx; text-align: right; color: #999;
        padding-top: 3px; }
      .switch, .gap { position: absolute; left: 0; box-sizing: border-box; color: #888;
        font-size: 11px; padding-left: %dpx; }
      .switch { border-top: 1px dashed #ccc; }
      .gap { text-align: center; font-style: italic; }
      svg.arrows { position: absolute; top: 0; left: 0; pointer-events: none; }
      svg.arrows > path { fill: none; stroke-width: 1.6; opacity: .85; pointer-events: stroke; }
      .extra { margin-top: 24px; }
      .extra h2 { font-size: 16px; }
      .extra table { border-collapse: collapse; font: 12px ui-monospace, monospace; }
      .extra th, .extra td { border: 1px solid #ddd; padding: 2px 8px; text-align: left; }
      """.formatted(Layout.LANE, Layout.PAD, Layout.LANE - 2 * Layout.PAD, Layout.CELL,
          Layout.GUTTER - 12, Layout.GUTTER);

  private static final String BODY_END = "</body>";
  /** The start of the section that says how to replay the page's schedule. */
  private static final String REPLAY_SECTION = "<section class=\"extra replay\">";

  private HtmlReport() {}

  /**
   * @param title names the test or program
   * @param headline what failed, in one line
   * @param explanation details and stack shown under the headline; may be empty
   * @param failing the steps to mark as failing
   */
  public static String render(String title, String headline, String explanation,
      HappensBeforeGraph hb, Set<Integer> failing) {
    Layout layout = new Layout(hb.steps(), hb.threadNames().size());
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Weft: ").append(esc(title)).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<h1>Weft: ").append(esc(title)).append("</h1>\n")
        .append("<section class=\"failure\">\n<h2>").append(esc(headline)).append("</h2>\n");
    if (!explanation.isBlank()) {
      html.append("<pre>").append(esc(explanation.strip())).append("</pre>\n");
    }
    html.append("</section>\n");
    Set<EdgeKind> drawn = EnumSet.noneOf(EdgeKind.class);
    String arrows = arrows(hb, layout, drawn);
    legend(html, drawn);
    html.append("<div class=\"diagram\" style=\"width:").append(layout.width())
        .append("px;height:").append(layout.height()).append("px\">\n");
    gutter(html, layout);
    for (int t = 0; t < hb.threadNames().size(); t++) lane(html, hb, layout, t, failing);
    html.append(arrows).append("</div>\n").append(BODY_END).append("\n</html>\n");
    return html.toString();
  }

  /**
   * A section that a layer above the explorer adds to a page: a heading, lines of text (failures
   * first), and a table whose first row is its header.
   */
  public record Section(String heading, List<String> lines, List<List<String>> table) {
    public Section {
      lines = List.copyOf(lines);
      table = List.copyOf(table);
    }
  }

  /**
   * Adds {@code section} at the end of the page {@link #render} wrote to {@code page}, before its
   * replay section ({@link #putReplay}) if it has one: how to replay the schedule stays last.
   */
  public static void append(Path page, Section section) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int at = text.indexOf(REPLAY_SECTION);
    if (at < 0) at = bodyEnd(page, text);
    write(page, text, at, at, html(section, "extra"));
  }

  /**
   * Ends the page with {@code section}, how to replay the page's schedule, in place of the replay
   * section it had: the layer that ran the exploration (the API, the JUnit extension, the command
   * line) knows how its user replays it.
   */
  public static void putReplay(Path page, Section section) throws IOException {
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int end = bodyEnd(page, text);
    int start = text.indexOf(REPLAY_SECTION);
    write(page, text, start < 0 ? end : start, end, html(section, "extra replay"));
  }

  private static String html(Section section, String cssClass) {
    StringBuilder html = new StringBuilder("<section class=\"").append(cssClass).append("\">\n<h2>")
        .append(esc(section.heading())).append("</h2>\n");
    for (String line : section.lines()) html.append("<p>").append(esc(line)).append("</p>\n");
    if (!section.table().isEmpty()) {
      html.append("<table>\n");
      for (int r = 0; r < section.table().size(); r++) {
        String cell = r == 0 ? "th" : "td";
        html.append("<tr>");
        for (String value : section.table().get(r)) {
          html.append('<').append(cell).append('>').append(esc(value)).append("</")
              .append(cell).append('>');
        }
        html.append("</tr>\n");
      }
      html.append("</table>\n");
    }
    return html.append("</section>\n").toString();
  }

  private static int bodyEnd(Path page, String text) throws IOException {
    int end = text.lastIndexOf(BODY_END);
    if (end < 0) throw new IOException(page + " is not a page Weft wrote: it has no " + BODY_END);
    return end;
  }

  /** Writes {@code text} to {@code page} with {@code html} in place of its {@code [from, to)}. */
  private static void write(Path page, String text, int from, int to, String html)
      throws IOException {
    Files.writeString(page, text.substring(0, from) + html + text.substring(to),
        StandardCharsets.UTF_8);
  }

  private static void legend(StringBuilder html, Set<EdgeKind> drawn) {
    html.append("<p class=\"legend\">Each lane is a thread; its steps run top to bottom. Arrows:"
        + " happens-before between threads.");
    for (EdgeKind kind : drawn) {
      html.append(" <span class=\"key\"><i style=\"background:").append(kind.color())
          .append("\"></i>").append(kind.label()).append("</span>");
    }
    html.append(" <span class=\"key\"><i class=\"failing-key\"></i>failing step</span></p>\n");
  }

  /** Step numbers, context switches and elided stretches, across every lane. */
  private static void gutter(StringBuilder html, Layout layout) {
    for (Row row : layout.rows()) {
      if (row.event() == null) {
        html.append("<div class=\"gap\" style=\"top:").append(row.top()).append("px;width:")
            .append(layout.width()).append("px\">").append(esc(row.text())).append("</div>\n");
        continue;
      }
      if (row.text() != null) {
        html.append("<div class=\"switch\" style=\"top:").append(row.top() - Layout.SWITCH)
            .append("px;width:").append(layout.width()).append("px\">switch: ")
            .append(esc(row.text())).append("</div>\n");
      }
      html.append("<div class=\"no\" style=\"top:").append(row.top()).append("px\">")
          .append(row.event().step()).append("</div>\n");
    }
  }

  private static void lane(StringBuilder html, HappensBeforeGraph hb, Layout layout, int thread,
      Set<Integer> failing) {
    String name = hb.threadNames().get(thread);
    html.append("<section class=\"lane\" data-thread=\"").append(esc(name))
        .append("\" style=\"left:").append(layout.laneLeft(thread)).append("px;height:")
        .append(layout.height()).append("px\">\n<h3>").append(esc(name)).append("</h3>\n");
    for (Row row : layout.rows()) {
      TraceEvent e = row.event();
      if (e == null || e.thread() != thread) continue;
      String what = Steps.what(e);
      String where = Steps.where(e);
      html.append("<div class=\"step").append(failing.contains(e.step()) ? " failing" : "")
          .append("\" id=\"step-").append(e.step()).append("\" style=\"top:").append(row.top())
          .append("px\" title=\"").append(esc("step " + e.step() + ", " + name + ": " + what
              + (where == null ? "" : " at " + where))).append("\"><span class=\"what\">")
          .append(esc(what)).append("</span>");
      if (where != null) html.append("<span class=\"where\">").append(esc(where)).append("</span>");
      html.append("</div>\n");
    }
    html.append("</section>\n");
  }

  /**
   * The SVG of the edges between threads whose two ends are shown on the same side of any steps
   * left out; notes the kinds it drew. Of the edges from one step into one thread, only the first
   * is drawn: program order implies the others (a spinning reader's every read of one write).
   */
  private static String arrows(HappensBeforeGraph hb, Layout layout, Set<EdgeKind> drawn) {
    StringBuilder paths = new StringBuilder();
    Map<Integer, Row> shown = layout.byStep();
    Set<List<Integer>> reached = new HashSet<>(); // (from step, to thread) already drawn
    for (HbEdge edge : hb.graph().edgeSet()) {
      Row from = shown.get(edge.from());
      Row to = shown.get(edge.to());
      if (edge.kind() == EdgeKind.PROGRAM_ORDER || from == null || to == null
          || layout.gapBetween(from, to)
          || !reached.add(List.of(edge.from(), to.event().thread()))) {
        continue;
      }
      drawn.add(edge.kind());
      int a = from.event().thread();
      int b = to.event().thread();
      int x1 = layout.cellEdge(a, b > a);
      int x2 = layout.cellEdge(b, b < a);
      int y1 = from.top() + Layout.CELL / 2;
      int y2 = to.top() + Layout.CELL / 2;
      int bend = (x2 - x1) / 2; // so the curve leaves and enters each cell level
      paths.append("<path d=\"M").append(x1).append(',').append(y1).append(" C")
          .append(x1 + bend).append(',').append(y1).append(' ').append(x2 - bend).append(',')
          .append(y2).append(' ').append(x2).append(',').append(y2).append("\" stroke=\"")
          .append(edge.kind().color()).append("\" marker-end=\"url(#head-")
          .append(edge.kind().label()).append(")\"><title>").append(edge.kind().label())
          .append(": step ").append(edge.from()).append(" before step ").append(edge.to())
          .append("</title></path>\n");
    }
    StringBuilder svg = new StringBuilder("<svg class=\"arrows\" width=\"").append(layout.width())
        .append("\" height=\"").append(layout.height()).append("\"><defs>\n");
    for (EdgeKind kind : drawn) {
      svg.append("<marker id=\"head-").append(kind.label()).append("\" viewBox=\"0 0 10 10\""
          + " refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">"
          + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(kind.color())
          .append("\"/></marker>\n");
    }
    return svg.append("</defs>\n").append(paths).append("</svg>\n").toString();
  }

  private static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
