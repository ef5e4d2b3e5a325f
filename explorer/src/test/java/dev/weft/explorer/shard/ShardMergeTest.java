package dev.weft.explorer.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Merging is honest: a proof needs every part, and missing or foreign shards are errors. */
class ShardMergeTest {
  private static final Map<String, String> RUN = Map.of("test", "Main", "strategy", "dfs",
      "seed", "1", "iterations", "1000");

  private static ShardResult dfs(int k, int n, boolean exhaustive, List<String> sites,
      ShardResult.FoundBug bug, long... classes) {
    return new ShardResult(Path.of("s" + k + ".json"), RUN, new Shard(k, n), true, 1000, 10, 1.0,
        exhaustive ? "exhausted" : "time_limit", exhaustive, sites, Set.of(), toSet(classes), bug);
  }

  private static ShardResult random(int k, int n, int executions, ShardResult.FoundBug bug) {
    Map<String, String> run = Map.of("test", "Main", "strategy", "random", "seed", "1",
        "iterations", "1000");
    return new ShardResult(Path.of("r" + k + ".json"), run, new Shard(k, n), false, 1000,
        executions, 1.0, bug != null ? "bug_found" : "iterations_done", false, List.of(),
        Set.of(), Set.of(), bug);
  }

  private static ShardResult.FoundBug bug(int index, int preemptions) {
    return new ShardResult.FoundBug("EXCEPTION", "T0 threw at " + index, index, preemptions, 9,
        "weft1;" + index, "target/weft/Main.json", "weft replay target/weft/Main.json");
  }

  private static Set<Long> toSet(long... values) {
    return java.util.Arrays.stream(values).boxed().collect(java.util.stream.Collectors.toSet());
  }

  @Test
  void aProofNeedsEveryPartExhaustedOverTheSameSchedulingPoints() {
    MergedResult proof = ShardMerge.merge(List.of(dfs(1, 2, true, List.of(), null, 1, 2),
        dfs(2, 2, true, List.of(), null, 2, 3)));
    assertTrue(proof.exhaustive());
    assertEquals(3, proof.classes(), "classes are counted once across shards");
    assertTrue(proof.text().contains("exhaustive"), proof.text());

    MergedResult cut = ShardMerge.merge(List.of(dfs(1, 2, true, List.of(), null),
        dfs(2, 2, false, List.of(), null)));
    assertFalse(cut.exhaustive());
    assertFalse(cut.text().contains("exhaustive"), cut.text());
    assertTrue(cut.note().contains("2/2"), cut.note());

    MergedResult differentSites = ShardMerge.merge(List.of(dfs(1, 2, true, List.of(), null),
        dfs(2, 2, true, List.of("Counter.count at Counter.java:3"), null)));
    assertFalse(differentSites.exhaustive());
  }

  @Test
  void aSystematicBugIsTheOneWithTheFewestPreemptions() {
    MergedResult merged = ShardMerge.merge(List.of(dfs(1, 2, false, List.of(), bug(3, 2)),
        dfs(2, 2, false, List.of(), bug(7, 1))));
    assertEquals(new Shard(2, 2), merged.bugShard());
    assertEquals(1, merged.bug().preemptions());
    assertFalse(merged.exhaustive());
  }

  @Test
  void theSampledBugIsTheLowestIndexAndSaysWhetherLowerIndicesWereAllExplored() {
    // Shard 1 has blocks 0, 2, 4, ...; shard 2 blocks 1, 3, ...: bug at 130 (block 1) and 250.
    MergedResult merged = ShardMerge.merge(List.of(random(1, 2, 151, bug(250, 0)),
        random(2, 2, 31, bug(130, 0))));
    assertEquals(130, merged.bug().index());
    assertTrue(merged.complete(), merged.note());

    // Shard 1 stopped after 60 executions (time limit): indices 60..99 were never explored.
    MergedResult early = ShardMerge.merge(List.of(random(1, 2, 60, null),
        random(2, 2, 31, bug(130, 0))));
    assertEquals(130, early.bug().index());
    assertFalse(early.complete());
    assertTrue(early.note().contains("before index 60"), early.note());
  }

  @Test
  void missingDoubledAndForeignShardsAreErrors() {
    String missing = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(
        List.of(random(1, 3, 300, null), random(3, 3, 300, null)))).getMessage();
    assertTrue(missing.contains("shard 2/3 is missing"), missing);
    String twice = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(
        List.of(random(1, 2, 300, null), random(1, 2, 300, null)))).getMessage();
    assertTrue(twice.contains("given twice"), twice);
    String foreign = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(
        List.of(random(1, 2, 500, null), dfs(2, 2, true, List.of(), null)))).getMessage();
    assertTrue(foreign.contains("another run") && foreign.contains("strategy"), foreign);
    String counts = assertThrows(IllegalArgumentException.class, () -> ShardMerge.merge(
        List.of(random(1, 2, 500, null), random(2, 3, 300, null)))).getMessage();
    assertTrue(counts.contains("share N"), counts);
    assertNull(ShardMerge.merge(List.of(random(1, 1, 1000, null))).bug());
  }
}
