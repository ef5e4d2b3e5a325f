package dev.weft.cli.command;

import dev.weft.cli.ExitCode;
import dev.weft.explorer.shard.MergedResult;
import dev.weft.explorer.shard.ShardMerge;
import dev.weft.explorer.shard.ShardResult;
import dev.weft.explorer.shard.ShardResultFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft merge}: one verdict from the result files of every shard of a run ({@code weft run
 * --shard K/N}). Runs in weft's own JVM: it reads files and starts no program.
 *
 * <p>Internal: the API is the command line, documented by {@code weft merge --help}.
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merges the result files of every shard of one run (weft run --shard K/N) into one verdict:"
          + " the first bug with its schedule, or no bug, and for dfs a proof only when every"
          + " shard covered its part.",
      "Missing shards, a shard given twice, or shards of different runs are an error (exit 2)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  weft merge target/weft/com.acme.Main.shard-*-of-4.json",
      "  weft merge --json results/*.json > verdict.json"
    })
public final class MergeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILES", arity = "1..*",
      description = "The result file of each shard, as 'weft run --shard K/N' wrote it.")
  private List<Path> files = new ArrayList<>();

  @Option(names = "--json",
      description = "Print the merged verdict as one JSON object on standard output.")
  private boolean json;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    MergedResult merged;
    try {
      List<ShardResult> results = new ArrayList<>();
      for (Path file : files) results.add(ShardResultFiles.read(file));
      merged = ShardMerge.merge(results);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    spec.commandLine().getOut().print(json ? merged.json() + System.lineSeparator()
        : merged.text());
    spec.commandLine().getOut().flush();
    return merged.bug() != null ? ExitCode.BUG : ExitCode.NO_BUG;
  }
}
