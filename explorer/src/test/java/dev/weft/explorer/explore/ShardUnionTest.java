package dev.weft.explorer.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.shard.MergedResult;
import dev.weft.explorer.shard.Shard;
import dev.weft.explorer.shard.ShardMerge;
import dev.weft.explorer.shard.ShardResult;
import dev.weft.explorer.shard.ShardResultFiles;
import dev.weft.explorer.shard.ShardRun;
import dev.weft.samples.explorer.Races;
import dev.weft.samples.explorer.Tickets;
import dev.weft.samples.explorer.VolatileCounter;
import dev.weft.scheduler.race.RacingSites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shards of a sampling exploration together run exactly the executions of the whole one: the
 * same schedules, as many executions, and the same first bug, at the same index, with the same
 * schedule.
 */
class ShardUnionTest {
  private static final String TEST = "ShardUnionTest";

  @TempDir Path output;

  private Options options(StrategyKind strategy, int iterations) {
    return Options.builder().strategy(strategy).iterations(iterations).seed(7).shrink(false)
        .outputDir(output).testName(TEST).build();
  }

  /** The whole exploration, one strategy instance learning across all of it. */
  private static Explorer.Explored whole(Options options, Body body) {
    RacingSites racing = RacingSearch.sitesFor(options);
    return Explorer.explore(options, List.of(new Explorer.Segment(
        Strategies.create(options, racing), racing, 0, options.iterations())).iterator(), body,
        TEST);
  }

  private static List<ShardRun> shards(Options options, Body body, int count) {
    List<ShardRun> runs = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      runs.add(ShardExplorer.explore(options, new Shard(k, count), body, TEST));
    }
    return runs;
  }

  private static void assertUnion(Set<Long> schedules, int executions, List<ShardRun> shards) {
    Set<Long> union = new HashSet<>();
    int sum = 0;
    for (ShardRun s : shards) {
      union.addAll(s.schedules());
      sum += s.result().executions();
    }
    assertEquals(executions, sum, "executions of the shards together");
    assertEquals(schedules, union, "schedules of the shards together");
  }

  @Test
  void randomShardsTogetherRunTheWholeRandomExploration() {
    // The random walk learns nothing from one execution to the next here: no plain access races.
    Options options = options(StrategyKind.RANDOM, 250);
    Body body = () -> VolatileCounter.race(true);
    Explorer.Explored whole = whole(options, body);
    assertTrue(whole.schedules().size() > 1, "several schedules: " + whole.schedules().size());
    for (int count : new int[] {2, 3}) {
      assertUnion(whole.schedules(), 250, shards(options, body, count));
    }
  }

  @Test
  void learningStrategiesLearnPerBlockSoShardsAddUpToOneShard() {
    // PCT learns its step estimate, and plain accesses found racing become scheduling points.
    Options options = options(StrategyKind.PCT, 230);
    Body body = Races::plainCounter;
    ShardRun one = shards(options, body, 1).get(0);
    assertEquals(230, one.result().executions());
    assertUnion(one.schedules(), 230, shards(options, body, 3));
  }

  @Test
  void theFirstBugOfTheMergedShardsIsTheWholeExplorationsFirstBug() throws IOException {
    Body body = Tickets::notReversed; // a bug random finds once in a few hundred executions
    // Seeds whose first bug is in the first block (3: index 94), the third (4) and the fourth (11).
    for (long seed : new long[] {3, 4, 11}) {
      Options options = options(StrategyKind.RANDOM, 1000).toBuilder().seed(seed).build();
      Failure first = whole(options, body).result().failure().orElseThrow();
      for (int count : new int[] {1, 2, 3}) {
        List<ShardResult> results = new ArrayList<>();
        for (ShardRun run : shards(options, body, count)) {
          Path file = output.resolve("seed" + seed + "-" + run.shard().number() + "of" + count
              + ".json");
          Files.writeString(file, ShardResultFiles.render(run, options, TEST, "weft replay"));
          results.add(ShardResultFiles.read(file));
        }
        MergedResult merged = ShardMerge.merge(results);
        assertEquals(first.execution(), merged.bug().index(), "seed " + seed + ", " + count);
        assertEquals(first.schedule(), merged.bug().schedule(), "seed " + seed + ", " + count);
        assertTrue(merged.complete(), merged.note());
      }
    }
  }
}
