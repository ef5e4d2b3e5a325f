package dev.weft.explorer.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.report.graph.EdgeKind;
import dev.weft.explorer.report.graph.HappensBeforeGraph;
import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page's parts, on a small trace: lanes, steps, arrows, the failure; and a long trace cut. */
class HtmlReportTest {
  private static final List<TraceEvent> TRACE = List.of(
      new TraceEvent(0, 0, Operation.START, "T1 (writer)", -1, null, null),
      new TraceEvent(1, 1, Operation.VOLATILE_WRITE, "Box#1.value", -1, null, "T0 preempted"),
      new TraceEvent(2, 1, Operation.END, null, -1, null, null),
      new TraceEvent(3, 0, Operation.JOIN, "T1 (writer)", -1, null, "T1 ended"),
      new TraceEvent(4, 0, Operation.VOLATILE_READ, "Box#1.value", -1, null, null),
      new TraceEvent(5, 0, Operation.VOLATILE_READ, "Box#1.value", -1, null, null));
  private static final HappensBeforeGraph GRAPH =
      HappensBeforeGraph.of(TRACE, List.of("T0", "T1 (writer)"));
  private static final String PAGE = HtmlReport.render("Box<test>", "T0 threw <boom> & more",
      "java.lang.AssertionError: <boom>\n    at Box.main(Box.java:3)\n", GRAPH, Set.of(5));

  private static int count(String regex) {
    Matcher m = Pattern.compile(regex).matcher(PAGE);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  @Test
  void oneLanePerThreadWithItsStepsInOrder() {
    assertEquals(2, count("<section class=\"lane\""), PAGE);
    assertTrue(PAGE.contains("data-thread=\"T0\"") && PAGE.contains("data-thread=\"T1 (writer)\""));
    assertEquals(6, count("<div class=\"step[^\"]*\" id=\"step-\\d+\""), PAGE);
    assertTrue(PAGE.indexOf("id=\"step-3\"") < PAGE.indexOf("id=\"step-4\""), PAGE);
    assertEquals(2, count("class=\"switch\""), "a switch line before steps 1 and 3");
  }

  @Test
  void theFailureIsAtTheTopAndTheFailingStepIsMarked() {
    assertEquals(1, count("class=\"step failing\""), PAGE);
    assertTrue(PAGE.contains("<div class=\"step failing\" id=\"step-5\""), PAGE);
    assertTrue(PAGE.indexOf("class=\"failure\"") < PAGE.indexOf("class=\"diagram\""), PAGE);
    assertTrue(PAGE.contains("<h2>T0 threw &lt;boom&gt; &amp; more</h2>"), PAGE);
    assertTrue(PAGE.contains("<pre>java.lang.AssertionError: &lt;boom&gt;"), PAGE);
    assertTrue(PAGE.contains("<title>Weft: Box&lt;test&gt;</title>"), PAGE);
  }

  @Test
  void anArrowForEachEdgeBetweenThreadsThatProgramOrderDoesNotImply() {
    // start 0 -> 1, join 2 -> 3, reads-from 1 -> 4; not 1 -> 5, which follows 4 in T0's lane.
    assertEquals(4, GRAPH.graph().edgeSet().stream()
        .filter(e -> e.kind() != EdgeKind.PROGRAM_ORDER).count());
    assertEquals(3, count("<path d=\"M\\d+,\\d+ C"), PAGE);
    for (String kind : new String[] {"start", "join", "reads-from"}) {
      assertEquals(1, count("marker-end=\"url\\(#head-" + kind + "\\)\""), kind);
      assertTrue(PAGE.contains("</i>" + kind + "</span>"), "the legend names " + kind);
    }
    assertFalse(PAGE.contains("program-order"), PAGE);
  }

  @Test
  void thePageLoadsNothingFromElsewhere() {
    assertFalse(PAGE.contains("://"), PAGE);
    assertFalse(PAGE.contains("<script") || PAGE.contains("<link") || PAGE.contains("src="), PAGE);
  }

  @Test
  void aLongTraceShowsItsStartAndItsEnd() {
    List<TraceEvent> trace = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      trace.add(new TraceEvent(i, 0, Operation.VOLATILE_READ, "Flag#1.set", -1, null, null));
    }
    Layout layout = new Layout(trace, 1);
    List<Layout.Row> rows = layout.rows();
    assertEquals(Layout.MAX_SHOWN + 1, rows.size());
    assertEquals(99, rows.get(Layout.HEAD - 1).event().step());
    assertEquals("... steps 100 to 699 not shown ...", rows.get(Layout.HEAD).text());
    assertEquals(700, rows.get(Layout.HEAD + 1).event().step());
    assertEquals(999, rows.get(rows.size() - 1).event().step());
    assertTrue(layout.gapBetween(rows.get(0), rows.get(rows.size() - 1)));
    assertFalse(layout.gapBetween(rows.get(0), rows.get(Layout.HEAD - 1)));
    assertFalse(layout.gapBetween(rows.get(Layout.HEAD + 1), rows.get(rows.size() - 1)));
  }
}
