package dev.weft.cli.command;

import dev.weft.cli.ExitCode;
import dev.weft.cli.child.ChildMain;
import dev.weft.cli.launch.ChildJvm;
import dev.weft.explorer.shard.MergedResult;
import dev.weft.explorer.shard.Shard;
import dev.weft.explorer.shard.ShardMerge;
import dev.weft.explorer.shard.ShardResult;
import dev.weft.explorer.shard.ShardResultFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code weft run --parallel N}: N workers at once, worker K a child JVM exploring shard K/N, then
 * their results merged into one verdict. Each worker writes its schedule and report to a folder of
 * its own, {@code OUTPUT_DIR/worker-K}, its shard result to {@code OUTPUT_DIR/workers}, and its
 * output is held back; the output of the worker whose bug is reported is printed, then the merged
 * verdict.
 *
 * <p>A worker stops at its own first bug. When a sampling worker finds one at index i, the others
 * hear of it (through a file they read before each block) and leave out their blocks that start
 * above i, which cannot hold the run's first bug; every index below i is still explored.
 */
final class ParallelRun {
  private final int workers;
  private final Path outputDir;
  private final String target;
  private final PrintWriter out;
  private final PrintWriter err;

  ParallelRun(int workers, Path outputDir, String target, PrintWriter out, PrintWriter err) {
    this.workers = workers;
    this.outputDir = outputDir;
    this.target = target;
    this.out = out;
    this.err = err;
  }

  /** What one worker did. */
  private record Worker(int number, int code, String stdout, String stderr, Path result) {}

  /**
   * @param properties the child's properties as for one run; each worker's shard, folder and
   *     files are added to a copy
   * @param json whether to print the merged verdict as JSON on standard output
   */
  int run(List<String> jvmArgs, Map<String, String> properties, String[] args, boolean json) {
    Path work = outputDir.resolve("workers");
    Path bugElsewhere = work.resolve("lowest-bug");
    try {
      Files.createDirectories(work);
      Files.deleteIfExists(bugElsewhere); // an earlier run's would cut this one short
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + work + " for the workers' results", e);
    }
    List<Worker> done = runAll(jvmArgs, properties, args, work, bugElsewhere);
    for (Worker w : done) {
      if (w.code() != ExitCode.NO_BUG && w.code() != ExitCode.BUG) { // Weft's or a usage error
        out.print(w.stdout());
        err.print(w.stderr()); // a usage error's one line says it all, the same in every worker
        if (w.code() != ExitCode.USAGE) {
          err.println("weft: worker " + w.number() + " of " + workers + " ended with exit code "
              + w.code() + "; the run has no verdict");
        }
        out.flush();
        err.flush();
        return w.code();
      }
    }
    List<ShardResult> results = new ArrayList<>();
    for (Worker w : done) results.add(ShardResultFiles.read(w.result()));
    MergedResult merged = ShardMerge.merge(results);
    PrintWriter report = json ? err : out;
    if (merged.bug() != null) report.print(done.get(merged.bugShard().number() - 1).stdout());
    report.print(merged.text());
    if (json) out.println(merged.json());
    out.flush();
    err.flush();
    return merged.bug() != null ? ExitCode.BUG : ExitCode.NO_BUG;
  }

  private List<Worker> runAll(List<String> jvmArgs, Map<String, String> properties,
      String[] args, Path work, Path bugElsewhere) {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      ExecutorCompletionService<Worker> running = new ExecutorCompletionService<>(pool);
      for (int k = 1; k <= workers; k++) {
        int number = k;
        running.submit(() -> runWorker(number, jvmArgs, properties, args, work, bugElsewhere));
      }
      Worker[] done = new Worker[workers];
      int lowestBug = Integer.MAX_VALUE;
      for (int i = 0; i < workers; i++) {
        Worker w = running.take().get();
        done[w.number() - 1] = w;
        if (w.code() == ExitCode.BUG) {
          ShardResult result = ShardResultFiles.read(w.result());
          if (!result.systematic() && result.failure().index() < lowestBug) {
            lowestBug = result.failure().index();
            signal(bugElsewhere, lowestBug, work);
          }
        }
      }
      return List.of(done);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the workers ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a worker could not be run: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Worker runWorker(int number, List<String> jvmArgs, Map<String, String> properties,
      String[] args, Path work, Path bugElsewhere) {
    Shard shard = new Shard(number, workers);
    Path result = work.resolve(target.replace('#', '_') + ".shard-" + number + "-of-" + workers
        + ".json");
    Map<String, String> own = new LinkedHashMap<>(properties);
    own.remove(ChildMain.JSON); // the merged verdict is the run's JSON
    own.put("weft.progressInterval", "0s"); // N progress lines at once would only confuse
    own.remove("weft.progressInPlace");
    own.put("weft.outputDir", outputDir.resolve("worker-" + number).toString());
    own.put(ChildMain.SHARD, shard.toString());
    own.put(ChildMain.SHARD_RESULT, result.toString());
    own.put(ChildMain.BUG_ELSEWHERE, bugElsewhere.toString());
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
      code = new ChildJvm(o, e).run(jvmArgs, own, args);
    }
    return new Worker(number, code, stdout.toString(StandardCharsets.UTF_8),
        stderr.toString(StandardCharsets.UTF_8), result);
  }

  /** Tells the workers still running the lowest index with a bug: written whole, then moved. */
  private static void signal(Path bugElsewhere, int index, Path work) {
    try {
      Path partial = Files.writeString(work.resolve("lowest-bug.partial"), Integer.toString(index));
      Files.move(partial, bugElsewhere, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Not heard, the other workers explore their blocks to the end: slower, the verdict alike.
    }
  }
}
