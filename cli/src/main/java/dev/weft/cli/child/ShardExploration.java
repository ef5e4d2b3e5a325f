package dev.weft.cli.child;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.explore.ShardExplorer;
import dev.weft.explorer.shard.Shard;
import dev.weft.explorer.shard.ShardResultFiles;
import dev.weft.explorer.shard.ShardRun;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code weft run --shard K/N} in the child: explores the shard and writes its result file. The
 * shard, the file, and the file through which the workers of {@code --parallel} hear of a bug found
 * by another come as system properties ({@link ChildMain#SHARD}, {@link ChildMain#SHARD_RESULT},
 * {@link ChildMain#BUG_ELSEWHERE}).
 */
final class ShardExploration {
  private ShardExploration() {}

  static boolean requested() {
    return System.getProperty(ChildMain.SHARD) != null;
  }

  /** Explores the shard, writes its result file, and says where on {@code out}. */
  static ExplorationResult explore(Options options, Body body, String replayCommand,
      PrintStream out) {
    Shard shard = Shard.parse(System.getProperty(ChildMain.SHARD));
    String signal = System.getProperty(ChildMain.BUG_ELSEWHERE);
    ShardRun run = ShardExplorer.explore(options, shard, body, options.testName(),
        () -> signal == null ? Integer.MAX_VALUE : lowestBugElsewhere(Path.of(signal)));
    Path file = Path.of(System.getProperty(ChildMain.SHARD_RESULT));
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, ShardResultFiles.render(run, options, options.testName(),
          replayCommand));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the shard result " + file, e);
    }
    out.println("Shard " + shard + " result written to " + file);
    return run.result();
  }

  private static int lowestBugElsewhere(Path signal) {
    try {
      return Integer.parseInt(Files.readString(signal).strip());
    } catch (IOException | NumberFormatException e) { // no bug elsewhere yet
      return Integer.MAX_VALUE;
    }
  }
}
