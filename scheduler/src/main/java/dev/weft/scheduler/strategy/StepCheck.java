package dev.weft.scheduler.strategy;

import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.StepLog;
import dev.weft.scheduler.view.Operation;
import dev.weft.scheduler.view.SchedulingView;

/**
 * Compares one step of a replay with the recording, before it runs. A difference means that the
 * same schedule no longer drives the same program: something other than the schedule decided what
 * the threads did.
 */
final class StepCheck {
  static final String SOURCES = "Likely sources: a thread Weft does not control, I/O, state left"
      + " over from an earlier run (a static field, a cache), identity hash codes or random"
      + " numbers read outside Weft's control, or garbage collection (weak references,"
      + " finalizers).";

  private StepCheck() {}

  /** Throws {@link ReplayDivergence} when step {@code i} differs from the recording. */
  static void check(StepLog expected, int i, SchedulingView view) {
    if (i >= expected.size()) {
      throw notDeterministic("at step " + i + " the program goes on, but the recording ended after "
          + expected.size() + " steps");
    }
    if (!expected.sameEnabled(i, view)) {
      throw notDeterministic("at step " + i + " the recording had " + threads(expected.enabled(i))
          + " able to run; now " + threads(enabledNow(view)) + " can (" + pending(view) + ")");
    }
    int t = expected.thread(i); // could run when recorded (StepLog.of checks it), so can now
    Operation op = view.pendingOperation(t);
    int siteKey = SiteRegistry.stableKey(view.pendingSite(t));
    if (op != expected.operation(i) || siteKey != expected.siteKey(i)) {
      Site recorded = SiteRegistry.byStableKey(expected.siteKey(i));
      throw notDeterministic("at step " + i + " the recording had T" + t + " about to "
          + describe(expected.operation(i), recorded)
          + (recorded == null && expected.siteKey(i) != 0 ? " at a line this program lacks" : "")
          + "; now it is about to "
          + describe(op, SiteRegistry.get(view.pendingSite(t))));
    }
    if (StepLog.signature(view) != expected.signature(i)) {
      throw notDeterministic("at step " + i + " a thread other than T" + t
          + " is about to do something other than what the recording had");
    }
    if (view.pendingTarget(t) != expected.target(i)) {
      throw notDeterministic("at step " + i + " T" + t + " is about to "
          + describe(op, SiteRegistry.get(view.pendingSite(t)))
          + " as recorded, but on another object");
    }
    if (view.betweenSteps() != expected.between(i)) {
      throw notDeterministic("between steps " + (i - 1) + " and " + i + ", T" + view.current()
          + " did something other than the recording had without a scheduling point of its own"
          + " (a monitor exit, or an interrupt that JDK code sent, such as an executor's"
          + " shutdownNow to its workers, in another order)");
    }
  }

  /** Throws {@link ReplayDivergence}: the execution ended after {@code steps}, before the log. */
  static void endedEarly(StepLog expected, int steps) {
    throw notDeterministic("the execution ended after " + steps + " steps, but the recording went"
        + " on to " + expected.size());
  }

  private static ReplayDivergence notDeterministic(String what) {
    return new ReplayDivergence("the program is not deterministic under a fixed schedule: " + what
        + ". " + SOURCES);
  }

  private static String describe(Operation op, Site site) {
    boolean namedCall = op != null && op.isCall() && site != null && site.detail() != null;
    String verb = op == null ? "start" : namedCall ? site.detail() : op.verb();
    return site == null ? verb : verb + " at " + site.location();
  }

  /** What each thread that can run is about to do. */
  private static String pending(SchedulingView view) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < view.enabledCount(); i++) {
      int id = view.enabled(i);
      s.append(i == 0 ? "" : ", ").append('T').append(id).append(" about to ")
          .append(describe(view.pendingOperation(id), SiteRegistry.get(view.pendingSite(id))));
    }
    return s.toString();
  }

  private static int[] enabledNow(SchedulingView view) {
    int[] ids = new int[view.enabledCount()];
    for (int i = 0; i < ids.length; i++) ids[i] = view.enabled(i);
    return ids;
  }

  private static String threads(int[] ids) {
    if (ids.length == 0) return "no thread";
    StringBuilder s = new StringBuilder();
    for (int id : ids) s.append(s.length() == 0 ? "T" : ", T").append(id);
    return s.toString();
  }
}
