package dev.weft.testbench.bench;

import dev.weft.testbench.corpus.Program;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one corpus program under one of Fray's schedulers and reads the result into a {@link Row}:
 * {@code fray-runs} searches for the first bug, each a Fray call of its own (a fresh JVM: Fray takes
 * no seed, so repeats show its spread), and one throughput run that goes on after failures ({@code
 * --explore}). Fray's own elapsed times are used, which leave out its JVM's start but include its
 * first, cold executions; Weft's rows follow a warm-up.
 */
final class FraySide {
  private FraySide() {}

  static Row measure(Program program, String scheduler, HarnessOptions o, Fray fray) {
    String expected = Harness.expected(program);
    try {
      String classPath = programClassPath();
      Path dir = o.out().resolve("fray").resolve(program.name() + "-" + scheduler);
      long limit = Math.max(1, o.timeLimit().toSeconds());
      List<Double> executions = new ArrayList<>();
      List<Double> millis = new ArrayList<>();
      String kind = "";
      List<String> notes = new ArrayList<>();
      for (int run = 1; run <= o.frayRuns(); run++) {
        Fray.Result r = fray.run(program.type().getName(), List.of(), scheduler, o.budget(), limit,
            false, classPath, dir.resolve("search-" + run));
        if (!r.failed()) continue;
        executions.add((double) r.failedAt());
        millis.add((double) r.millisToFailure());
        if (kind.isEmpty()) kind = r.kind();
      }
      if (!kind.isEmpty() && !program.buggy()) notes.add("bug found in a program declared correct");
      if (!kind.isEmpty() && program.buggy() && !kind.equals(expected)) {
        notes.add("found " + kind + ", declared " + expected);
      }
      long throughputExecutions = 0;
      double perSecond = Double.NaN;
      if (o.throughput() > 0) {
        Fray.Result r = fray.run(program.type().getName(), List.of(), scheduler, o.throughput(),
            limit, true, classPath, dir.resolve("throughput"));
        throughputExecutions = r.iterations();
        perSecond = r.millis() == 0 ? Double.NaN : r.iterations() * 1000.0 / r.millis();
      }
      return new Row(program.name(), expected, "fray", scheduler, o.frayRuns(), executions.size(),
          kind, Samples.of(executions, o.frayRuns()), Samples.of(millis, o.frayRuns()),
          throughputExecutions, perSecond, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
          String.join("; ", notes));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Row.failed(program.name(), expected, "fray", scheduler, "cannot run Fray: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Row.failed(program.name(), expected, "fray", scheduler, "interrupted");
    }
  }

  /** The corpus's classes: testbench/target/classes, which the programs need alone. */
  static String programClassPath() throws URISyntaxException {
    return Path.of(Program.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }
}
