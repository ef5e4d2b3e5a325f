package dev.weft.explorer.shard;

import dev.weft.explorer.api.ExplorationResult;
import java.util.List;
import java.util.Set;

/**
 * What one shard explored. Internal: public for the command line.
 *
 * @param shard which shard
 * @param result its result; a failure's {@code execution} is its index in the whole exploration
 *     for a sampling strategy, and in the shard's own search for systematic search
 * @param schedules fingerprints of the distinct schedules it ran
 * @param classes fingerprints of the distinct interleaving classes it ran
 * @param blocks a sampling strategy's blocks of indices given to the shard, explored in order
 *     (the first {@code result.executions()} of their indices); empty for systematic search
 * @param leftOut whether it left out its later blocks because another shard had found a bug
 *     below them
 */
public record ShardRun(Shard shard, ExplorationResult result, Set<Long> schedules,
    Set<Long> classes, List<Shard.Range> blocks, boolean leftOut) {}
