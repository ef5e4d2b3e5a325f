package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.strategy.Shrinking;
import dev.weft.scheduler.strategy.Shrinking.Segment;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shrinks a failing execution before it is reported: fewest preemptions first, then fewest steps.
 * Greedy, to a fixpoint, in the manner of delta debugging: from the smallest failing execution so
 * far it derives plans ({@link ShrinkPlans}), runs each once (untraced, with the same seed and
 * settings) under {@link Shrinking}, and moves to the first that fails the same way (same outcome
 * and one-line summary) and is smaller. It stops when no plan is, or when its re-runs or its time
 * are spent. The same failure of the same program always shrinks the same way, unless the time
 * bound cuts it short.
 */
final class Shrinker {
  /**
   * The outcome of shrinking {@code found}: {@code result} is the smallest execution that fails the
   * same way ({@code found} itself when none is smaller), after {@code runs} re-runs.
   */
  record Shrunk(ExecutionResult found, ExecutionResult result, int runs) {
    /** What shrinking did, as a line for the report; empty when it found nothing smaller. */
    String note() {
      if (result == found) return "";
      return "Shrunk from " + size(found) + " to " + size(result) + " in " + plural(runs, "run")
          + "; the schedule file keeps the original choices as \"original\".\n";
    }

    private static String size(ExecutionResult r) {
      return plural(r.preemptions(), "preemption") + " and " + plural(r.steps(), "step");
    }

    private static String plural(int n, String word) {
      return n + " " + word + (n == 1 ? "" : "s");
    }
  }

  private final ExecutionResult found;
  private final String summary;
  private final ExecutionConfig config;
  private final long seed;
  private final Body body;
  private final int maxRuns;
  private final long deadline;
  private final Set<List<Segment>> tried = new HashSet<>();
  private int runs;

  private Shrinker(ExecutionResult found, ExecutionConfig config, long seed, Body body,
      int maxRuns, long deadline) {
    this.found = found;
    this.summary = FailureReports.summary(found);
    this.config = config;
    this.seed = seed;
    this.body = body;
    this.maxRuns = maxRuns;
    this.deadline = deadline;
  }

  /**
   * Shrinks {@code found}, the failing execution with seed {@code seed}, within {@code maxRuns}
   * re-runs and until {@code deadline} ({@link System#nanoTime}). {@code config} must be the
   * search's own: untraced, with the same step bound and settings.
   */
  static Shrunk shrink(ExecutionResult found, ExecutionConfig config, long seed, Body body,
      int maxRuns, long deadline) {
    return new Shrinker(found, config, seed, body, maxRuns, deadline).shrink();
  }

  private Shrunk shrink() {
    ExecutionResult best = found;
    boolean improved = true;
    while (improved) {
      improved = false;
      for (List<Segment> plan : ShrinkPlans.from(best.stepLog())) {
        if (!tried.add(plan)) continue;
        if (runs >= maxRuns || System.nanoTime() - deadline >= 0) break;
        runs++;
        ExecutionResult next =
            Explorer.execute(config, new Shrinking(plan, best.choices()), seed, body);
        if (next.leaked()) break; // the JVM is no longer clean: no more runs
        if (failsTheSameWay(next) && smaller(next, best)) {
          best = next;
          improved = true;
          break;
        }
      }
    }
    return new Shrunk(found, best, runs);
  }

  private boolean failsTheSameWay(ExecutionResult r) {
    return r.outcome() == found.outcome() && FailureReports.summary(r).equals(summary);
  }

  private static boolean smaller(ExecutionResult a, ExecutionResult b) {
    return a.preemptions() < b.preemptions()
        || a.preemptions() == b.preemptions() && a.steps() < b.steps();
  }
}
