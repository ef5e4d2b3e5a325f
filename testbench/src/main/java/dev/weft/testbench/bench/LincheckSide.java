package dev.weft.testbench.bench;

import dev.weft.testbench.corpus.Program;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LincheckChild} on one program in a child JVM and reads its result into a {@link Row}.
 * Lincheck instruments bytecode with its own agent, so it never shares a JVM with Weft's: the child
 * has no {@code -javaagent}, and its class path is the testbench's plus {@code
 * target/lincheck.classpath}, which the build writes. One child per program, so that a program
 * Lincheck cannot handle (a crash, a hang) costs only its own row.
 */
final class LincheckSide {
  static final String STRATEGY = "model-checking";

  private LincheckSide() {}

  static Row measure(Program program, HarnessOptions o) {
    String expected = Harness.expected(program);
    try {
      Path dir = Files.createDirectories(o.out().resolve("lincheck"));
      // Lincheck leaves a bootstrap jar in the temporary directory at every start: keep them here.
      Path tmp = Files.createDirectories(dir.resolve("tmp"));
      Path result = dir.resolve(program.name() + ".properties");
      Path log = dir.resolve(program.name() + ".log");
      Files.deleteIfExists(result);
      long limitSeconds = Math.max(1, o.timeLimit().toSeconds());
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-ea", "-Xshare:off", "-Djava.io.tmpdir=" + tmp, "-cp", classPath(),
          LincheckChild.class.getName(), program.name(), Integer.toString(o.budget()),
          Integer.toString(o.throughput()), Integer.toString(o.lincheckRuns()),
          Long.toString(limitSeconds), result.toString()));
      Process child = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      // Lincheck has no time limit of its own: allow each search and the throughput run theirs.
      long waitSeconds = limitSeconds * (o.lincheckRuns() + 3) + 60;
      if (!child.waitFor(waitSeconds, TimeUnit.SECONDS)) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly().waitFor();
        return Row.failed(program.name(), expected, "lincheck", STRATEGY,
            "Lincheck did not finish within " + waitSeconds + " s (log: " + log + ")");
      }
      if (!Files.exists(result)) {
        return Row.failed(program.name(), expected, "lincheck", STRATEGY,
            "the Lincheck JVM exited with " + child.exitValue() + " and no result (log: " + log + ")");
      }
      return row(program, expected, load(result), o);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Row.failed(program.name(), expected, "lincheck", STRATEGY, "cannot run Lincheck: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Row.failed(program.name(), expected, "lincheck", STRATEGY, "interrupted");
    }
  }

  private static Row row(Program program, String expected, Properties p, HarnessOptions o) {
    String error = p.getProperty("error");
    if (error != null) {
      return Row.failed(program.name(), expected, "lincheck", STRATEGY,
          "Lincheck cannot run it: " + error);
    }
    int runs = Integer.parseInt(p.getProperty("runs"));
    List<Double> executions = numbers(p.getProperty("executionsToBug"));
    List<Double> millis = numbers(p.getProperty("millisToBug"));
    String kind = p.getProperty("kind", "");
    List<String> notes = new ArrayList<>();
    if (p.getProperty("exhaustedAfter") != null) {
      notes.add("Lincheck ran out of interleavings after " + p.getProperty("exhaustedAfter"));
    }
    if (!kind.isEmpty() && !program.buggy()) notes.add("bug found in a program declared correct");
    if (!kind.isEmpty() && program.buggy() && !sameKind(kind, expected)) {
      notes.add("found " + kind + ", declared " + expected);
    }
    long invocations = Long.parseLong(p.getProperty("throughputExecutions"));
    double seconds = Double.parseDouble(p.getProperty("throughputSeconds"));
    double callSeconds = Double.parseDouble(p.getProperty("throughputCallSeconds"));
    int calls = Integer.parseInt(p.getProperty("throughputCalls"));
    double perSecond = invocations == 0 || seconds <= 0 ? Double.NaN : invocations / seconds;
    if (p.getProperty("throughputStoppedAtHang") != null) {
      perSecond = Double.NaN;
      notes.add("no throughput: Lincheck stops at the hang");
    } else if (calls > 0) {
      notes.add(String.format(Locale.ROOT, "+%.0f ms set-up per call%s",
          (callSeconds - seconds) * 1000 / calls, calls > 1 ? " (" + calls + " calls)" : ""));
    }
    return new Row(program.name(), expected, "lincheck", STRATEGY, runs, executions.size(), kind,
        Samples.of(executions, runs), Samples.of(millis, runs), invocations, perSecond, Double.NaN,
        Double.NaN, Double.parseDouble(p.getProperty("heapMib")),
        Double.parseDouble(p.getProperty("rssMib")), String.join("; ", notes));
  }

  /** Lincheck reports a deadlock or a livelock as a hang. */
  private static boolean sameKind(String lincheckKind, String expected) {
    return lincheckKind.equals(expected)
        || lincheckKind.equals("hang") && (expected.equals("deadlock") || expected.equals("livelock"));
  }

  private static List<Double> numbers(String commaSeparated) {
    List<Double> values = new ArrayList<>();
    for (String s : commaSeparated.split(",")) if (!s.isBlank()) values.add(Double.parseDouble(s));
    return values;
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    }
    return p;
  }

  /** testbench/target/classes, then bench.classpath and lincheck.classpath beside it. */
  private static String classPath() throws IOException, URISyntaxException {
    Path classes = Path.of(
        LincheckSide.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path target = classes.getParent();
    List<String> parts = new ArrayList<>(List.of(classes.toString()));
    for (String name : List.of("bench.classpath", "lincheck.classpath")) {
      Path file = target.resolve(name);
      if (!Files.exists(file)) {
        throw new IOException(file + " is missing; build the testbench first"
            + " (mvn -B install -DskipTests -pl scheduler,agent,explorer,testbench)");
      }
      parts.add(Files.readString(file).strip());
    }
    return String.join(java.io.File.pathSeparator, parts);
  }
}
