package dev.weft.explorer.explore;

import dev.weft.explorer.api.Statistics;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.trace.Choices;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Gathers {@link Statistics} as executions come in. */
final class StatisticsCollector {
  /** Beyond this many, schedules and classes are no longer told apart (memory stays bounded). */
  private static final int MAX_REMEMBERED = 1_000_000;

  private final Set<Long> schedules = new HashSet<>();
  private final Set<Long> classes = new HashSet<>();
  private int pruned;
  private int maxSteps;

  void add(ExecutionResult r) {
    maxSteps = Math.max(maxSteps, r.steps());
    if (schedules.size() < MAX_REMEMBERED) schedules.add(fingerprint(r.choices()));
    if (r.outcome() == Outcome.PRUNED) {
      pruned++;
    } else if (classes.size() < MAX_REMEMBERED) {
      classes.add(r.fingerprint());
    }
  }

  /** @param racingSites as {@link Statistics#racingSites()} */
  Statistics toStatistics(boolean coveredEverything, List<String> racingSites) {
    return new Statistics(pruned, schedules.size(), classes.size(), maxSteps, coveredEverything,
        racingSites);
  }

  /** Fingerprints of the distinct schedules run (of their decisions), at most a million. */
  Set<Long> schedules() {
    return Set.copyOf(schedules);
  }

  /** Fingerprints of the distinct interleaving classes run, at most a million. */
  Set<Long> classes() {
    return Set.copyOf(classes);
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
