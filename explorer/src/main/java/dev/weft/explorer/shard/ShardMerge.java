package dev.weft.explorer.shard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Combines the results of every shard of one run into one verdict, honestly: it refuses shards of
 * different runs, a shard given twice, and a run with shards missing, since any of them could hide
 * a bug or void a proof. Internal: public for the command line.
 */
public final class ShardMerge {
  private ShardMerge() {}

  /**
   * @throws IllegalArgumentException when the shards are not exactly all the shards of one run:
   *     which is missing, doubled, or from another run
   */
  public static MergedResult merge(List<ShardResult> shards) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("give the result files of every shard of the run");
    }
    ShardResult first = shards.get(0);
    Map<Integer, ShardResult> byNumber = new TreeMap<>();
    for (ShardResult s : shards) {
      sameRun(first, s);
      if (s.shard().count() != first.shard().count()) {
        throw new IllegalArgumentException(s.file() + " is shard " + s.shard() + " but "
            + first.file() + " is shard " + first.shard() + ": the shards of one run share N");
      }
      ShardResult twice = byNumber.put(s.shard().number(), s);
      if (twice != null) {
        throw new IllegalArgumentException("shard " + s.shard() + " is given twice: "
            + twice.file() + " and " + s.file());
      }
    }
    List<String> missing = new ArrayList<>();
    for (int k = 1; k <= first.shard().count(); k++) {
      if (!byNumber.containsKey(k)) missing.add(k + "/" + first.shard().count());
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("shard" + (missing.size() == 1 ? " " : "s ")
          + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
          + " missing: a merged verdict needs the result of every shard of the run");
    }
    List<ShardResult> all = List.copyOf(byNumber.values());
    return first.systematic() ? systematic(all) : sampled(all);
  }

  private static void sameRun(ShardResult first, ShardResult other) {
    for (String key : first.run().keySet()) {
      if (!Objects.equals(first.run().get(key), other.run().get(key))) {
        throw new IllegalArgumentException(other.file() + " is a shard of another run than "
            + first.file() + ": its " + key + " is '" + other.run().get(key) + "', not '"
            + first.run().get(key) + "'; merge the shards of one run");
      }
    }
  }

  /**
   * Sampling: the bug with the lowest index, which is the one a single run would report when
   * every lower index was explored (a shard stopped by its time limit may have left some).
   */
  private static MergedResult sampled(List<ShardResult> shards) {
    ShardResult found = shards.stream().filter(s -> s.failure() != null)
        .min(Comparator.comparingInt(s -> s.failure().index())).orElse(null);
    int iterations = shards.get(0).iterations();
    int bound = found == null ? iterations : found.failure().index();
    List<String> unexplored = new ArrayList<>();
    for (ShardResult s : shards) {
      if (s.firstUnexplored() < bound && s != found) {
        unexplored.add("shard " + s.shard() + " stopped (" + s.stopReason() + ") before index "
            + s.firstUnexplored());
      }
    }
    String note = unexplored.isEmpty()
        ? (found == null ? "every execution index 0.." + (iterations - 1) + " explored"
            : "every lower execution index explored: the first bug of the whole run")
        : String.join("; ", unexplored) + (found == null
            ? ": not every execution index was explored"
            : ": a lower index may hold a bug too");
    return result(shards, found, false, null, note, unexplored.isEmpty());
  }

  /**
   * Systematic search: any part's bug is the run's (the one with the fewest preemptions); a proof
   * needs every part exhausted over the same scheduling points.
   */
  private static MergedResult systematic(List<ShardResult> shards) {
    ShardResult found = shards.stream().filter(s -> s.failure() != null)
        .min(Comparator.<ShardResult>comparingInt(s -> s.failure().preemptions())
            .thenComparingInt(s -> s.shard().number()))
        .orElse(null);
    if (found != null) {
      return result(shards, found, false, null,
          "the bug with the fewest preemptions among the shards' bugs", true);
    }
    List<String> open = new ArrayList<>();
    for (ShardResult s : shards) {
      if (!s.exhaustive()) open.add(s.shard() + " (" + s.stopReason() + ")");
    }
    if (!open.isEmpty()) {
      return result(shards, null, false, "not every part was covered: shard"
          + (open.size() == 1 ? " " : "s ") + String.join(", ", open), null, false);
    }
    Set<List<String>> sites = new HashSet<>();
    for (ShardResult s : shards) sites.add(s.racingSites());
    if (sites.size() > 1) {
      return result(shards, null, false, "the shards found different plain accesses racing, so"
          + " their searches had different scheduling points and their parts do not add up to"
          + " one search; run the shards again, or one search without --shard", null, false);
    }
    return result(shards, null, true, null, "every part of the systematic search covered", true);
  }

  private static MergedResult result(List<ShardResult> shards, ShardResult found,
      boolean exhaustive, String noProof, String note, boolean complete) {
    Set<Long> schedules = new HashSet<>();
    Set<Long> classes = new HashSet<>();
    int executions = 0;
    double elapsed = 0;
    for (ShardResult s : shards) {
      schedules.addAll(s.schedules());
      classes.addAll(s.classes());
      executions += s.executions();
      elapsed = Math.max(elapsed, s.elapsedSeconds());
    }
    return new MergedResult(shards.get(0).run(), shards.size(), shards.get(0).systematic(),
        executions, elapsed, schedules.size(), classes.size(), exhaustive, complete,
        noProof != null ? noProof : note, found == null ? null : found.shard(),
        found == null ? null : found.failure());
  }
}
