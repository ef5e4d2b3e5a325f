package dev.weft.explorer.report.graph;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.weft.explorer.report.Steps;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link HappensBeforeGraph} as DOT and as JSON. Each node is a step, with its {@code step},
 * {@code thread}, {@code operation}, {@code object}, {@code note} and {@code source}
 * ({@code File.java:line}), the last three only when known; each edge has its {@code kind}. The DOT
 * form adds what Graphviz draws with: a label per node, a colour per edge, and a group per thread
 * so that each thread's steps line up. Written here rather than with a graph library's exporters:
 * two small formats did not justify the four jars those bring onto a user's test class path.
 * Internal.
 */
public final class GraphExport {
  private GraphExport() {}

  public static String dot(HappensBeforeGraph hb) {
    StringBuilder s = new StringBuilder("digraph happens_before {\n");
    for (TraceEvent e : hb.graph().vertexSet()) {
      Map<String, Object> a = attributes(hb, e);
      String where = Steps.where(e);
      a.put("label", e.step() + ": " + hb.threadOf(e) + "\\n" + Steps.what(e)
          + (where == null ? "" : "\\n" + where));
      a.put("shape", "box");
      a.put("group", hb.threadOf(e));
      s.append("  ").append(id(e)).append(dotAttributes(a)).append(";\n");
    }
    for (HbEdge edge : hb.graph().edgeSet()) {
      Map<String, Object> a = attributes(edge);
      a.put("color", edge.kind().color());
      s.append("  ").append(id(hb.graph().getEdgeSource(edge))).append(" -> ")
          .append(id(hb.graph().getEdgeTarget(edge))).append(dotAttributes(a)).append(";\n");
    }
    return s.append("}\n").toString();
  }

  /** {@code [ name="value" ... ]}, each value quoted; a label's {@code \n} stays DOT's escape. */
  private static String dotAttributes(Map<String, Object> a) {
    StringBuilder s = new StringBuilder(" [");
    a.forEach((name, value) -> s.append(' ').append(name).append("=\"")
        .append(String.valueOf(value).replace("\"", "\\\"")).append('"'));
    return s.append(" ]").toString();
  }

  public static String json(HappensBeforeGraph hb) {
    JsonArray nodes = new JsonArray();
    for (TraceEvent e : hb.graph().vertexSet()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("id", id(e));
      a.putAll(attributes(hb, e));
      nodes.add(jsonObject(a));
    }
    JsonArray edges = new JsonArray();
    for (HbEdge edge : hb.graph().edgeSet()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("source", id(hb.graph().getEdgeSource(edge)));
      a.put("target", id(hb.graph().getEdgeTarget(edge)));
      a.putAll(attributes(edge));
      edges.add(jsonObject(a));
    }
    JsonObject graph = new JsonObject();
    graph.addProperty("creator", "Weft");
    graph.addProperty("version", "1");
    graph.add("nodes", nodes);
    graph.add("edges", edges);
    return new GsonBuilder().disableHtmlEscaping().create().toJson(graph);
  }

  private static JsonObject jsonObject(Map<String, Object> a) {
    JsonObject o = new JsonObject();
    a.forEach((name, value) -> {
      if (value instanceof Number n) o.addProperty(name, n);
      else o.addProperty(name, String.valueOf(value));
    });
    return o;
  }

  /** A step's id: its number, valid in DOT and unique in the trace. */
  private static String id(TraceEvent e) {
    return Integer.toString(e.step());
  }

  private static Map<String, Object> attributes(HappensBeforeGraph hb, TraceEvent e) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("step", e.step());
    a.put("thread", hb.threadOf(e));
    a.put("operation", e.verb());
    putIfKnown(a, "object", e.target());
    putIfKnown(a, "note", e.note());
    putIfKnown(a, "source", Steps.where(e));
    return a;
  }

  private static Map<String, Object> attributes(HbEdge edge) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("kind", edge.kind().label());
    return a;
  }

  private static void putIfKnown(Map<String, Object> a, String name, String value) {
    if (value != null) a.put(name, value);
  }
}
