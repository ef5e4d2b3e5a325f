package dev.weft.explorer.shard;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shard's result as read back from its file ({@link ShardResultFiles}), for merging.
 *
 * @param file where it was read from
 * @param run what identifies the run it is a shard of (program, strategy, seed, budget, options):
 *     shards merge only with shards of the same run
 * @param shard which shard
 * @param systematic whether the strategy is systematic search (parts of a tree, not blocks)
 * @param iterations the run's iterations
 * @param executions executions the shard ran
 * @param elapsedSeconds how long the shard explored, by its own clock
 * @param stopReason why it stopped, as {@code ExplorationResult.StopReason} in lower case
 * @param exhaustive whether its part of a systematic search was covered in full
 * @param racingSites the plain-access sites its search scheduled, or null when not watched
 * @param schedules fingerprints of the distinct schedules it ran
 * @param classes fingerprints of the distinct interleaving classes it ran
 * @param failure its first bug, or null
 */
public record ShardResult(Path file, Map<String, String> run, Shard shard, boolean systematic,
    int iterations, int executions, double elapsedSeconds, String stopReason, boolean exhaustive,
    List<String> racingSites, Set<Long> schedules, Set<Long> classes, FoundBug failure) {

  /**
   * A shard's bug.
   *
   * @param index the execution's index (from 0): in the whole exploration for a sampling
   *     strategy, in the shard's own search for systematic search
   * @param scheduleFile where the shard wrote the schedule, on the machine it ran on, or null
   * @param replayCommand the command that replays that file there, or null
   */
  public record FoundBug(String kind, String summary, int index, int preemptions, int steps,
      String schedule, String scheduleFile, String replayCommand) {}

  /**
   * The lowest index of the whole exploration this sampling shard did not explore, or {@code
   * iterations} when it explored every index it was given: it explores its blocks' indices in
   * order, one execution each.
   */
  public int firstUnexplored() {
    int left = executions;
    for (Shard.Range block : shard.blocks(iterations)) {
      int size = block.end() - block.first();
      if (left < size) return block.first() + left;
      left -= size;
    }
    return iterations;
  }
}
