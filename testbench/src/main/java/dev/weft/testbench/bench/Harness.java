package dev.weft.testbench.bench;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.testbench.corpus.Program;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness: runs corpus programs under Weft's strategies, and optionally under
 * Lincheck and Fray, and reports per program and strategy whether the bug was found, the executions and time
 * to the first bug (median and range over seeds), executions and scheduling points per second, and
 * peak memory. See {@code docs/benchmarks.md} for how to read it.
 *
 * <pre>
 * java -Xshare:off -ea -javaagent:agent/target/weft-agent.jar \
 *     -cp "testbench/target/classes:$(cat testbench/target/bench.classpath)" \
 *     dev.weft.testbench.bench.Harness --programs buggy --strategies random,pct --seeds 10 \
 *     --budget 1000 --lincheck
 * </pre>
 *
 * {@code testbench/bench.sh} builds and runs it with these flags. Results go to {@code
 * testbench/target/bench/results.{csv,json}} and {@code ratios.csv} (or {@code --out}).
 */
public final class Harness {
  private Harness() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the harness; returns the process exit code: 0, 1 on a failure, 2 on bad arguments. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    HarnessOptions o = HarnessOptions.parseOrExplain("harness", args, defaultOut(), err);
    if (o == null) return 2;
    Fray fray = null;
    if (o.fray()) {
      try {
        fray = Fray.fromSetUp();
      } catch (IOException e) {
        err.println("harness: " + e.getMessage());
        return 1;
      }
    }
    Map<String, Object> meta = meta(o, args);
    out.println("Weft benchmark harness, " + meta.get("date") + ", " + meta.get("jdk") + ", "
        + meta.get("machine"));
    out.printf("%d programs, strategies %s, %d seeds, budget %d, throughput run %d%s%s%n%n",
        o.programs().size(), o.strategies().stream().map(StrategyKind::cliName).toList(),
        o.seeds(), o.budget(), o.throughput(),
        o.lincheck() ? ", Lincheck (" + o.lincheckRuns() + " runs)" : "",
        o.fray() ? ", Fray " + o.frayStrategies() + " (" + o.frayRuns() + " runs)" : "");
    Report.printHeader(out);
    List<Row> rows = new ArrayList<>();
    for (Program program : o.programs()) {
      List<Row> programRows = new ArrayList<>();
      try {
        WeftSide.warmUp(program, o.strategies().get(0), o);
      } catch (RuntimeException e) {
        out.println(program.name() + ": warm-up failed: " + e);
      }
      for (StrategyKind strategy : o.strategies()) {
        Row row;
        try {
          row = WeftSide.measure(program, strategy, o);
        } catch (RuntimeException e) {
          row = Row.failed(program.name(), expected(program), "weft", strategy.cliName(),
              "harness error: " + e);
        }
        programRows.add(row);
        Report.printRow(out, row);
      }
      if (o.lincheck()) {
        Row row = LincheckSide.measure(program, o);
        programRows.add(row);
        Report.printRow(out, row);
      }
      if (fray != null) {
        for (String scheduler : o.frayStrategies()) {
          Row row = FraySide.measure(program, scheduler, o, fray);
          programRows.add(row);
          Report.printRow(out, row);
        }
      }
      rows.addAll(programRows);
    }
    List<Map<String, Object>> ratios = Report.ratios(rows);
    Report.printRatios(out, ratios);
    try {
      Report.write(o.out(), meta, rows, ratios);
      out.println();
      out.println("Wrote " + o.out().resolve("results.csv") + ", ratios.csv and results.json");
    } catch (IOException e) {
      err.println("harness: cannot write the results to " + o.out() + ": " + e);
      return 1;
    }
    return 0;
  }

  /** The declared verdict as the tables show it: a failure kind in lower case, or "correct". */
  static String expected(Program program) {
    return program.expectedFailure().map(k -> WeftSide.lower(k.name())).orElse("correct");
  }

  private static Map<String, Object> meta(HarnessOptions o, String[] args) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("date", LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    meta.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    meta.put("machine", Machine.describe());
    meta.put("arguments", String.join(" ", args));
    meta.put("seeds", o.seeds());
    meta.put("budget", o.budget());
    meta.put("throughput", o.throughput());
    meta.put("time_limit_s", o.timeLimit().toSeconds());
    meta.put("lincheck_runs", o.lincheck() ? o.lincheckRuns() : 0);
    meta.put("fray_runs", o.fray() ? o.frayRuns() : 0);
    return meta;
  }

  /** testbench/target/bench, beside the classes this runs from; else target/bench. */
  static Path defaultOut() {
    try {
      Path classes = Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(classes) && classes.getParent() != null) {
        return classes.getParent().resolve("bench");
      }
    } catch (URISyntaxException | RuntimeException e) {
      // fall through
    }
    return Path.of("target", "bench");
  }
}
