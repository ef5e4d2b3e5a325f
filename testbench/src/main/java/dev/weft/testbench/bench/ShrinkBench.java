package dev.weft.testbench.bench;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Program;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What shrinking does to the bugs of the corpus: each program, strategy and seed is explored twice,
 * without and with shrinking (the same failure is found both times), and the preemptions and steps
 * of the reported failure are compared. What shrinking costs is the difference of the two
 * explorations' times, which includes the second traced replay. Takes the harness's arguments
 * ({@code --programs --strategies --seeds --budget --time-limit --out}); writes {@code shrink.csv}.
 *
 * <pre>
 * java -Xshare:off -ea -javaagent:agent/target/weft-agent.jar \
 *     -cp "testbench/target/classes:$(cat testbench/target/bench.classpath)" \
 *     dev.weft.testbench.bench.ShrinkBench --strategies random,pct --seeds 3
 * </pre>
 */
public final class ShrinkBench {
  private static final Pattern RUNS = Pattern.compile("Shrunk from .* in (\\d+) runs?");

  /** One failure, as found and as reported after shrinking. */
  private record Case(String program, String strategy, long seed, Failure found, Failure shrunk,
      double foundMillis, double shrunkMillis) {
    int runs() {
      Matcher m = RUNS.matcher(shrunk.details());
      return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    boolean changed() {
      return shrunk.preemptions() != found.preemptions() || shrunk.steps() != found.steps();
    }

    String csv() {
      return String.join(",", program, strategy, Long.toString(seed),
          shrunk.kind().name().toLowerCase(Locale.ROOT), Integer.toString(found.preemptions()),
          Integer.toString(found.steps()), Integer.toString(shrunk.preemptions()),
          Integer.toString(shrunk.steps()), Integer.toString(runs()),
          String.format(Locale.ROOT, "%.1f,%.1f", foundMillis, shrunkMillis),
          '"' + shrunk.summary().replace("\"", "\"\"") + '"');
    }
  }

  private ShrinkBench() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs it; returns the process exit code: 0, 1 when the CSV cannot be written, 2 on bad use. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    HarnessOptions o =
        HarnessOptions.parseOrExplain("shrink bench", args, Harness.defaultOut(), err);
    if (o == null) return 2;
    List<Case> cases = new ArrayList<>();
    for (Program program : o.programs()) {
      for (StrategyKind strategy : o.strategies()) {
        for (long seed = 1; seed <= o.seeds(); seed++) {
          Case c = measure(program, strategy, seed, o);
          if (c != null) cases.add(c);
        }
      }
    }
    summarize(cases, o.strategies(), out);
    List<String> lines = new ArrayList<>();
    lines.add("program,strategy,seed,kind,preemptions_found,steps_found,preemptions_shrunk,"
        + "steps_shrunk,runs,ms_without_shrinking,ms_with_shrinking,summary");
    cases.forEach(c -> lines.add(c.csv()));
    try {
      Files.createDirectories(o.out());
      Files.write(o.out().resolve("shrink.csv"), lines);
    } catch (IOException e) {
      err.println("shrink bench: cannot write " + o.out().resolve("shrink.csv") + ": " + e);
      return 1;
    }
    out.println("Wrote " + o.out().resolve("shrink.csv"));
    return 0;
  }

  /** The failure found without and with shrinking; null when the search found none. */
  private static Case measure(Program program, StrategyKind strategy, long seed, HarnessOptions o) {
    String name = "shrink-" + program.name() + "-" + strategy.cliName() + "-" + seed;
    Options.Builder b = Options.builder().strategy(strategy).seed(seed).iterations(o.budget())
        .timeLimit(o.timeLimit()).outputDir(o.out().resolve("weft-schedules")).testName(name);
    program.maxSteps().ifPresent(b::maxSteps);
    ExplorationResult found = Weft.exploreInterleavings(b.shrink(false).build(), program.body());
    ExplorationResult shrunk = Weft.exploreInterleavings(b.shrink(true).build(), program.body());
    if (found.failure().isEmpty() || shrunk.failure().isEmpty()) return null;
    return new Case(program.name(), strategy.cliName(), seed, found.failure().get(),
        shrunk.failure().get(), millis(found), millis(shrunk));
  }

  private static double millis(ExplorationResult r) {
    return r.elapsed().toNanos() / 1e6;
  }

  /**
   * Per strategy: how many failures shrank, the preemptions and steps before and after, the runs
   * of the failures that shrank, and the explorations' total time without and with shrinking.
   */
  private static void summarize(List<Case> cases, List<StrategyKind> strategies, PrintStream out) {
    out.println("| strategy | failures | shrunk | preemptions: median, max | steps: median, max"
        + " | runs: median, max | time without → with shrinking |");
    out.println("|---|---|---|---|---|---|---|");
    for (StrategyKind strategy : strategies) {
      List<Case> of = cases.stream().filter(c -> c.strategy().equals(strategy.cliName())).toList();
      if (of.isEmpty()) continue;
      List<Case> shrunk = of.stream().filter(Case::changed).toList();
      out.printf(Locale.ROOT, "| %s | %d | %d | %s → %s | %s → %s | %s | %.1f s → %.1f s |%n",
          strategy.cliName(), of.size(), shrunk.size(),
          spread(of, c -> c.found().preemptions()), spread(of, c -> c.shrunk().preemptions()),
          spread(of, c -> c.found().steps()), spread(of, c -> c.shrunk().steps()),
          shrunk.isEmpty() ? "-" : spread(shrunk, Case::runs),
          of.stream().mapToDouble(Case::foundMillis).sum() / 1e3,
          of.stream().mapToDouble(Case::shrunkMillis).sum() / 1e3);
    }
  }

  private static String spread(List<Case> cases, ToDoubleFunction<Case> f) {
    List<Double> values = cases.stream().map(f::applyAsDouble).toList();
    Samples s = Samples.of(values, values.size());
    return String.format(Locale.ROOT, "%.0f, %.0f", s.median(), s.max());
  }
}
