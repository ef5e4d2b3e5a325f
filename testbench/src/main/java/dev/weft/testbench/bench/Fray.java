package dev.weft.testbench.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fray 0.9.2, as {@code testbench/fray-setup.sh} set it up: runs its command-line launcher on one
 * main class in a JVM of its own (Fray's instrumented JDK 25, with its JVMTI library and agent) and
 * reads what it printed. Fray takes no seed: each call draws its own.
 *
 * @param java the instrumented JDK's {@code java}
 * @param jvmti Fray's JVMTI library
 * @param agent Fray's instrumentation agent jar
 * @param classPath fray-core and its dependencies
 */
record Fray(Path java, Path jvmti, Path agent, String classPath) {
  /** The system property that names the set-up's {@code fray.properties}; bench.sh sets it. */
  static final String PROPERTY = "weft.bench.fray";

  /** Fray's schedulers that Weft has a strategy of the same name and idea for. */
  static final List<String> SCHEDULERS = List.of("random", "pct", "pos", "surw");

  private static final Pattern ERROR =
      Pattern.compile("Error found at iter: (\\d+), step: \\d+, Elapsed time: (\\d+)ms");
  private static final Pattern FINISHED = Pattern.compile(
      "Run finished\\. Total iter: (\\d+), Elapsed time: (\\d+)ms");
  private static final Pattern THROWABLE = Pattern.compile("\\[INFO]: Error: (.*)");

  /**
   * What one call of Fray did.
   *
   * @param iterations executions run
   * @param millis Fray's own elapsed time over them (its JVM's start excluded)
   * @param failedAt the first failing execution, numbered from 1, or 0 when none failed
   * @param millisToFailure Fray's elapsed time to that failure, or 0
   * @param error the first failure's throwable as Fray printed it, or empty
   */
  record Result(long iterations, long millis, long failedAt, long millisToFailure, String error) {
    boolean failed() {
      return failedAt > 0;
    }

    /** How the failure showed, in the harness's words: {@code deadlock} or {@code exception}. */
    String kind() {
      if (!failed()) return "";
      return error.toLowerCase(Locale.ROOT).contains("deadlock") ? "deadlock" : "exception";
    }
  }

  /**
   * The set-up named by the {@value #PROPERTY} system property.
   *
   * @throws IOException saying what is missing and how to get it
   */
  static Fray fromSetUp() throws IOException {
    String file = System.getProperty(PROPERTY);
    if (file == null) {
      throw new IOException("Fray is not set up: run the harness through testbench/bench.sh,"
          + " which runs testbench/fray-setup.sh, or pass -D" + PROPERTY + "=PATH/fray.properties");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(Path.of(file))) {
      p.load(r);
    }
    Fray fray = new Fray(Path.of(required(p, "java", file)), Path.of(required(p, "jvmti", file)),
        Path.of(required(p, "agent", file)), required(p, "classpath", file));
    for (Path part : List.of(fray.java, fray.jvmti, fray.agent)) {
      if (!Files.exists(part)) {
        throw new IOException(part + " named in " + file + " is missing; run testbench/fray-setup.sh");
      }
    }
    return fray;
  }

  /**
   * Runs {@code mainClass.main(args)} under Fray's {@code scheduler} for at most {@code iterations}
   * executions and {@code timeLimitSeconds}; with {@code explore}, Fray goes on after a failure.
   * Fray's output goes to {@code dir/fray.log}, its report to {@code dir}.
   *
   * @throws IOException when Fray did not finish, or printed neither a failure nor its end
   */
  Result run(String mainClass, List<String> args, String scheduler, int iterations,
      long timeLimitSeconds, boolean explore, String programClassPath, Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path log = dir.resolve("fray.log");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-ea",
        "-agentpath:" + jvmti, "-javaagent:" + agent, "-cp", classPath,
        "org.pastalab.fray.core.MainKt", "--run-config", "cli", "--clazz", mainClass,
        "--method", "main", "-o", dir.resolve("report").toString(),
        "-i", Integer.toString(iterations), "-t", Long.toString(timeLimitSeconds),
        "--scheduler", scheduler, "--classpath", programClassPath));
    if (explore) command.add("--explore");
    if (!args.isEmpty()) command.addAll(List.of("--args", String.join(" ", args)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    long wait = timeLimitSeconds + 120; // Fray's own limit, plus its JVM's start and its report
    if (!child.waitFor(wait, TimeUnit.SECONDS)) {
      child.descendants().forEach(ProcessHandle::destroyForcibly);
      child.destroyForcibly().waitFor();
      throw new IOException("Fray did not finish within " + wait + " s (log: " + log + ")");
    }
    return parse(Files.readString(log), log);
  }

  /**
   * Reads Fray's console output: its first failure, if any (Fray numbers executions from 0), and
   * its totals, which it prints when it ran to its end (also after failures, with {@code
   * --explore}); a run that stopped at a failure ran up to it.
   */
  static Result parse(String output, Path log) throws IOException {
    Matcher error = ERROR.matcher(output);
    Matcher finished = FINISHED.matcher(output);
    boolean failed = error.find();
    boolean ended = finished.find();
    if (!failed && !ended) {
      throw new IOException("Fray printed neither a failure nor its end (log: " + log + ")");
    }
    long failedAt = failed ? Long.parseLong(error.group(1)) + 1 : 0;
    long millisToFailure = failed ? Long.parseLong(error.group(2)) : 0;
    Matcher throwable = THROWABLE.matcher(output);
    return new Result(ended ? Long.parseLong(finished.group(1)) : failedAt,
        ended ? Long.parseLong(finished.group(2)) : millisToFailure, failedAt, millisToFailure,
        failed && throwable.find() ? throwable.group(1).strip() : "");
  }

  private static String required(Properties p, String key, String file) throws IOException {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IOException(file + " has no " + key + "; run testbench/fray-setup.sh again");
    }
    return value;
  }
}
