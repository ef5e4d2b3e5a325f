package dev.weft.explorer.report.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DOT and JSON forms of a small graph, exactly. */
class GraphExportTest {
  private static final int SITE =
      SiteRegistry.register("dev.weft.samples.Box", "run", "Box.java", 7, "Box.value");
  private static final HappensBeforeGraph GRAPH = HappensBeforeGraph.of(List.of(
      new TraceEvent(0, 0, Operation.START, "T1 (writer)", -1, null, null),
      new TraceEvent(1, 1, Operation.VOLATILE_WRITE, "Box#1.value", SITE, null, "T0 preempted"),
      new TraceEvent(2, 0, Operation.JOIN, "T1 (writer)", -1, "timed out", "T1 (writer) ended")),
      List.of("T0", "T1 (writer)"));

  @Test
  void dotNamesEachStepAndEachEdgesKind() {
    assertEquals(String.join("\n",
        "digraph happens_before {",
        "  0 [ step=\"0\" thread=\"T0\" operation=\"start\" object=\"T1 (writer)\""
            + " label=\"0: T0\\nstart T1 (writer)\" shape=\"box\" group=\"T0\" ];",
        "  1 [ step=\"1\" thread=\"T1 (writer)\" operation=\"write\" object=\"Box#1.value\""
            + " source=\"Box.java:7\" label=\"1: T1 (writer)\\nwrite Box#1.value\\nBox.java:7\""
            + " shape=\"box\" group=\"T1 (writer)\" ];",
        "  2 [ step=\"2\" thread=\"T0\" operation=\"join\" object=\"T1 (writer)\""
            + " note=\"timed out\" label=\"2: T0\\njoin T1 (writer) (timed out)\" shape=\"box\""
            + " group=\"T0\" ];",
        "  0 -> 1 [ kind=\"start\" color=\"#9467bd\" ];",
        "  0 -> 2 [ kind=\"program-order\" color=\"#9a9a9a\" ];",
        "}",
        ""), GraphExport.dot(GRAPH));
  }

  @Test
  void jsonHasTheSameNodesAndEdges() {
    assertEquals("{\"creator\":\"Weft\",\"version\":\"1\",\"nodes\":["
        + "{\"id\":\"0\",\"step\":0,\"thread\":\"T0\",\"operation\":\"start\","
        + "\"object\":\"T1 (writer)\"},"
        + "{\"id\":\"1\",\"step\":1,\"thread\":\"T1 (writer)\",\"operation\":\"write\","
        + "\"object\":\"Box#1.value\",\"source\":\"Box.java:7\"},"
        + "{\"id\":\"2\",\"step\":2,\"thread\":\"T0\",\"operation\":\"join\","
        + "\"object\":\"T1 (writer)\",\"note\":\"timed out\"}],"
        + "\"edges\":[{\"source\":\"0\",\"target\":\"1\",\"kind\":\"start\"},"
        + "{\"source\":\"0\",\"target\":\"2\",\"kind\":\"program-order\"}]}",
        GraphExport.json(GRAPH));
  }
}
