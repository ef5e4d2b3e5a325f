package dev.weft.explorer.explore;

import dev.weft.explorer.api.Statistics;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.trace.Choices;
import java.util.HashSet;
import java.util.Set;

/** Gathers {@link Statistics} as executions come in. */
final class StatisticsCollector {
  /** Beyond this many, distinct schedules are no longer told apart (memory stays bounded). */
  private static final int MAX_REMEMBERED = 1_000_000;

  private final Set<Long> schedules = new HashSet<>();
  private int pruned;
  private int maxSteps;

  void add(ExecutionResult r) {
    if (r.outcome() == Outcome.PRUNED) pruned++;
    maxSteps = Math.max(maxSteps, r.steps());
    if (schedules.size() < MAX_REMEMBERED) schedules.add(fingerprint(r.choices()));
  }

  Statistics toStatistics(boolean coveredEverything) {
    return new Statistics(pruned, schedules.size(), maxSteps, coveredEverything);
  }

  /** A 64-bit FNV-1a hash of the decisions. */
  private static long fingerprint(Choices c) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < c.size(); i++) {
      h = (h ^ (c.kind(i).ordinal() * 31L + c.value(i))) * 0x100000001b3L;
    }
    return h ^ c.size();
  }
}
