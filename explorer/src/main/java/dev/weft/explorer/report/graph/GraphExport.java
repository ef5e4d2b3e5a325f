package dev.weft.explorer.report.graph;

import dev.weft.explorer.report.Steps;
import dev.weft.scheduler.trace.TraceEvent;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * Writes a {@link HappensBeforeGraph} with jgrapht's exporters. Each node is a step, with its
 * {@code step}, {@code thread}, {@code operation}, {@code object}, {@code note} and {@code source}
 * ({@code File.java:line}), the last three only when known; each edge has its {@code kind}. The DOT
 * form adds what Graphviz draws with: a label per node, a colour per edge, and a group per thread
 * so that each thread's steps line up. Internal.
 */
public final class GraphExport {
  private GraphExport() {}

  public static String dot(HappensBeforeGraph hb) {
    DOTExporter<TraceEvent, HbEdge> exporter = new DOTExporter<>(GraphExport::id);
    exporter.setGraphIdProvider(() -> "happens_before");
    exporter.setVertexAttributeProvider(e -> {
      Map<String, Attribute> a = attributes(hb, e);
      String where = Steps.where(e);
      a.put("label", DefaultAttribute.createAttribute(e.step() + ": " + hb.threadOf(e) + "\\n"
          + Steps.what(e) + (where == null ? "" : "\\n" + where)));
      a.put("shape", DefaultAttribute.createAttribute("box"));
      a.put("group", DefaultAttribute.createAttribute(hb.threadOf(e)));
      return a;
    });
    exporter.setEdgeAttributeProvider(edge -> {
      Map<String, Attribute> a = attributes(edge);
      a.put("color", DefaultAttribute.createAttribute(edge.kind().color()));
      return a;
    });
    return export(exporter, hb);
  }

  public static String json(HappensBeforeGraph hb) {
    JSONExporter<TraceEvent, HbEdge> exporter = new JSONExporter<>(GraphExport::id);
    exporter.setVertexAttributeProvider(e -> attributes(hb, e));
    exporter.setEdgeAttributeProvider(GraphExport::attributes);
    return export(exporter, hb);
  }

  private static String export(GraphExporter<TraceEvent, HbEdge> exporter, HappensBeforeGraph hb) {
    StringWriter out = new StringWriter();
    exporter.exportGraph(hb.graph(), out);
    return out.toString();
  }

  /** A step's id: its number, valid in DOT and unique in the trace. */
  private static String id(TraceEvent e) {
    return Integer.toString(e.step());
  }

  private static Map<String, Attribute> attributes(HappensBeforeGraph hb, TraceEvent e) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    a.put("step", DefaultAttribute.createAttribute(e.step()));
    a.put("thread", DefaultAttribute.createAttribute(hb.threadOf(e)));
    a.put("operation", DefaultAttribute.createAttribute(e.verb()));
    putIfKnown(a, "object", e.target());
    putIfKnown(a, "note", e.note());
    putIfKnown(a, "source", Steps.where(e));
    return a;
  }

  private static Map<String, Attribute> attributes(HbEdge edge) {
    Map<String, Attribute> a = new LinkedHashMap<>();
    a.put("kind", DefaultAttribute.createAttribute(edge.kind().label()));
    return a;
  }

  private static void putIfKnown(Map<String, Attribute> a, String name, String value) {
    if (value != null) a.put(name, DefaultAttribute.createAttribute(value));
  }
}
