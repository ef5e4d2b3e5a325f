package dev.weft.cli.command;

import dev.weft.explorer.shard.Shard;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code weft run}'s options that spread one exploration over shards: one shard here ({@code
 * --shard}), or several workers at once ({@code --parallel}). See docs/scale-out.md.
 */
final class ScaleOptions {
  @Option(names = "--shard", paramLabel = "K/N", converter = OptionConverters.ShardSpec.class,
      description = "Explore only the K-th of N disjoint parts of the search (blocks of execution"
          + " indices, or part of dfs's tree) and write a result file for 'weft merge'. Needs"
          + " --strategy random, pct, pos, surw or dfs.")
  Shard shard;

  @Option(names = "--shard-result", paramLabel = "FILE",
      description = "Where --shard writes its result (default: the output dir's"
          + " CLASS.shard-K-of-N.json).")
  Path shardResult;

  @Option(names = "--parallel", paramLabel = "N", converter = OptionConverters.PositiveInt.class,
      description = "Run N workers at once, each a shard in a JVM of its own, and merge them; the"
          + " schedules explored and the first bug do not depend on N (default 1: one JVM, as"
          + " without sharding). Needs --strategy random, pct, pos, surw or dfs when N > 1.")
  Integer parallel;

  /** How many workers: 1 unless {@code --parallel} asks for more. */
  int workers() {
    return parallel == null ? 1 : parallel;
  }

  /** The result file of {@code shard} in {@code outputDir}, unless {@code --shard-result} says. */
  static Path defaultResult(Path outputDir, String target, Shard shard) {
    return outputDir.resolve(target.replace('#', '_') + ".shard-" + shard.number() + "-of-"
        + shard.count() + ".json");
  }
}
