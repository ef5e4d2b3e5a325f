package dev.weft.explorer.report;

import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;

/** The words for one step in the HTML report and the exported graphs. Internal. */
public final class Steps {
  private Steps() {}

  /** What the step did: its operation, object and note, e.g. {@code wake Object#1 (notified)}. */
  public static String what(TraceEvent e) {
    StringBuilder s = new StringBuilder(e.verb());
    if (e.target() != null) s.append(' ').append(e.target());
    if (e.note() != null) s.append(" (").append(e.note()).append(')');
    return s.toString();
  }

  /** Where it happened, as {@code File.java:line}; null when the step has no known site. */
  public static String where(TraceEvent e) {
    Site site = SiteRegistry.get(e.site());
    return site == null ? null : site.location();
  }
}
