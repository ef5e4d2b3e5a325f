package dev.weft.explorer.linearizability;

import java.util.List;

/**
 * A history drawn as text: one row per call, its span between invocation and response marked on
 * a shared axis of events, so overlapping calls show as overlapping bars.
 *
 * <pre>
 *   T1 offer(1) = true   |==---|
 *   T2 poll() = null     |-===-|
 * </pre>
 */
final class Timeline {
  private Timeline() {}

  static String of(List<Call> calls) {
    int width = 0;
    int events = 0;
    for (Call c : calls) {
      width = Math.max(width, c.toString().length());
      events = Math.max(events, c.responded() + 1);
    }
    StringBuilder s = new StringBuilder();
    for (Call c : calls) {
      s.append("  ").append(c);
      s.append(" ".repeat(width - c.toString().length() + 2)).append('|');
      for (int e = 0; e < events; e++) {
        s.append(e >= c.invoked() && e <= c.responded() ? '=' : '-');
      }
      s.append("|\n");
    }
    return s.toString();
  }
}
