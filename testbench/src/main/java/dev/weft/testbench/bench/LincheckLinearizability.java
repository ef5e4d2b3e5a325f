package dev.weft.testbench.bench;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * The Lincheck side of {@link LinearizabilityBench}, in a JVM of its own without Weft's agent:
 * Lincheck's model-checking mode on a {@link BenchStructure}'s correct and broken classes, with
 * the scenario size and budget given, and what happened written to a properties file.
 *
 * <pre>
 * LincheckLinearizability THREADS OPS_PER_THREAD SCENARIOS INVOCATIONS_PER_SCENARIO RESULT_FILE
 *     buggy-only|all [STACK|QUEUE]
 * </pre>
 *
 * <p>With {@code buggy-only}, only the search of the broken structure to its first failure runs,
 * with no warm-up (for the smoke test). The structure is the stacks when not given.
 */
public final class LincheckLinearizability {
  private LincheckLinearizability() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    int perThread = Integer.parseInt(args[1]);
    int scenarios = Integer.parseInt(args[2]);
    int invocations = Integer.parseInt(args[3]);
    Path resultFile = Path.of(args[4]);
    BenchStructure structure = args.length > 6 ? BenchStructure.valueOf(args[6])
        : BenchStructure.STACK;
    Class<?> broken = structure.lincheckBroken;
    Class<?> correct = structure.lincheckCorrect;
    Class<?> model = structure.sequential;
    Properties p = new Properties();
    if (args.length > 5 && args[5].equals("buggy-only")) {
      Outcome first = run(broken, model, threads, perThread, scenarios, invocations, false);
      p.setProperty("buggy.failed", Boolean.toString(first.failure != null));
      if (first.failure != null) p.setProperty("buggy.report", first.failure);
      store(p, resultFile);
      System.exit(0);
    }
    // Warm-up: attaches Lincheck's agent and warms the JIT on both classes.
    for (Class<?> c : List.of(correct, broken)) {
      run(c, model, threads, perThread, 2, 50, false);
    }
    // (b) the correct structure: the throughput run.
    Outcome treiber = run(correct, model, threads, perThread, scenarios, invocations, false);
    p.setProperty("treiber.failed", Boolean.toString(treiber.failure != null));
    p.setProperty("treiber.invocations", Integer.toString(treiber.invocations));
    p.setProperty("treiber.nanos", Long.toString(treiber.nanos));
    // (a) the broken structure, to the first failure without minimising the scenario.
    Outcome first = run(broken, model, threads, perThread, scenarios, invocations, false);
    p.setProperty("buggy.failed", Boolean.toString(first.failure != null));
    p.setProperty("buggy.invocations", Integer.toString(first.invocations));
    p.setProperty("buggy.nanos", Long.toString(first.nanos));
    if (first.failure != null) p.setProperty("buggy.report", first.failure);
    // The same, minimising the failing scenario (Lincheck's default), for the reported size.
    Outcome minimised = run(broken, model, threads, perThread, scenarios, invocations, true);
    p.setProperty("minimised.failed", Boolean.toString(minimised.failure != null));
    p.setProperty("minimised.invocations", Integer.toString(minimised.invocations));
    p.setProperty("minimised.nanos", Long.toString(minimised.nanos));
    if (minimised.failure != null) p.setProperty("minimised.report", minimised.failure);
    store(p, resultFile);
    System.exit(0);
  }

  private static void store(Properties p, Path file) throws java.io.IOException {
    try (Writer w = Files.newBufferedWriter(file)) {
      p.store(w, "Lincheck 3.7, model checking");
    }
  }

  private record Outcome(String failure, int invocations, long nanos) {}

  private static Outcome run(Class<?> test, Class<?> model, int threads, int perThread,
      int scenarios, int invocations, boolean minimise) {
    LincheckStacks.CONSTRUCTED.setLength(0);
    ModelCheckingOptions o = new ModelCheckingOptions()
        .iterations(scenarios).invocationsPerIteration(invocations)
        .threads(threads).actorsPerThread(perThread).actorsBefore(0).actorsAfter(0)
        .sequentialSpecification(model)
        .minimizeFailedScenario(minimise);
    long start = System.nanoTime();
    String failure = null;
    try {
      o.check(test);
    } catch (AssertionError e) {
      failure = String.valueOf(e.getMessage());
    }
    long nanos = System.nanoTime() - start;
    return new Outcome(failure, LincheckStacks.CONSTRUCTED.length(), nanos);
  }
}
