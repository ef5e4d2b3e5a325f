package dev.weft.testbench.bench;

import java.util.List;
import java.util.Map;

/** Writes the harness's results as JSON: maps, lists, strings, numbers, booleans; NaN as null. */
final class Json {
  private Json() {}

  static String write(Object value) {
    StringBuilder s = new StringBuilder();
    write(value, s, "");
    return s.toString();
  }

  private static void write(Object value, StringBuilder s, String indent) {
    if (value == null) {
      s.append("null");
    } else if (value instanceof Map<?, ?> map) {
      String inner = indent + "  ";
      s.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        s.append(first ? "\n" : ",\n").append(inner);
        string(String.valueOf(e.getKey()), s);
        s.append(": ");
        write(e.getValue(), s, inner);
        first = false;
      }
      s.append(first ? "}" : "\n" + indent + "}");
    } else if (value instanceof List<?> list) {
      String inner = indent + "  ";
      s.append('[');
      for (int i = 0; i < list.size(); i++) {
        s.append(i == 0 ? "\n" : ",\n").append(inner);
        write(list.get(i), s, inner);
      }
      s.append(list.isEmpty() ? "]" : "\n" + indent + "]");
    } else if (value instanceof Double d) {
      s.append(d.isNaN() || d.isInfinite() ? "null" : Report.plain(d));
    } else if (value instanceof Number || value instanceof Boolean) {
      s.append(value);
    } else {
      string(value.toString(), s);
    }
  }

  private static void string(String text, StringBuilder s) {
    s.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
          else s.append(c);
        }
      }
    }
    s.append('"');
  }
}
