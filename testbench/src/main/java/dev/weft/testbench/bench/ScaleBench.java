package dev.weft.testbench.bench;

import dev.weft.explorer.api.Options;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.strategy.RandomWalk;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executions per second against the thread count, side by side in one run: each correct program of
 * {@code dev.weft.testbench.scale} at each thread count, under Weft's command line ({@code weft run
 * --strategy random}: a JVM of its own, a fresh class loader per execution), Weft's API in this JVM
 * (the random walk through {@link Scheduler#execute}, after a warm-up), and, with {@code --fray},
 * Fray's random scheduler. Each tool's rate is its own count over its own elapsed time, which
 * leaves out its JVM's start. It writes {@code scale.csv} to {@code --out}.
 *
 * <pre>
 * testbench/bench.sh scale [--fray] [--no-cli] [--programs AtomicIncrements,VolatileWriters]
 *     [--threads 2,10,50,100] [--executions 1000] [--time-limit 20s] [--out DIR]
 * </pre>
 *
 * {@code --no-cli} leaves the command line out, for comparing scheduler builds through the API:
 * the API's rows run on whichever Weft agent this JVM was started with.
 */
public final class ScaleBench {
  static final String USAGE = "usage: ScaleBench [--fray] [--no-cli] [--programs NAME,...]"
      + " [--threads N,...] [--executions N] [--time-limit 20s] [--out DIR]";
  private static final String PACKAGE = "dev.weft.testbench.scale.";
  private static final Pattern EXECUTIONS = Pattern.compile("\"executions\": (\\d+)");
  private static final Pattern ELAPSED = Pattern.compile("\"elapsedSeconds\": ([0-9.]+)");

  private ScaleBench() {}

  /** The command line, parsed. */
  record Settings(List<String> programs, List<Integer> threads, int executions, Duration timeLimit,
      boolean fray, boolean cli, Path out) {
    static Settings parse(String[] args, Path defaultOut) {
      List<String> programs = List.of("AtomicIncrements", "VolatileWriters");
      List<Integer> threads = List.of(2, 10, 50, 100);
      int executions = 1_000;
      Duration timeLimit = Duration.ofSeconds(20);
      boolean fray = false;
      boolean cli = true;
      Path out = defaultOut;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--fray" -> fray = true;
          case "--no-cli" -> cli = false;
          case "--programs" -> programs = List.of(value(args, ++i, arg).split(","));
          case "--threads" -> threads = numbers(value(args, ++i, arg), arg);
          case "--executions" -> executions = numbers(value(args, ++i, arg), arg).get(0);
          case "--time-limit" -> timeLimit = Options.parseDuration(value(args, ++i, arg));
          case "--out" -> out = Path.of(value(args, ++i, arg));
          default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
        }
      }
      for (String p : programs) mainOf(p);
      return new Settings(programs, threads, executions, timeLimit, fray, cli, out);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
      return args[i];
    }

    private static List<Integer> numbers(String text, String option) {
      List<Integer> values = new ArrayList<>();
      for (String s : text.split(",")) {
        try {
          int n = Integer.parseInt(s.strip());
          if (n >= 1) {
            values.add(n);
            continue;
          }
        } catch (NumberFormatException e) {
          // fall through to the message
        }
        throw new IllegalArgumentException(option + " takes whole numbers from 1, not '" + s + "'");
      }
      return values;
    }
  }

  /** One tool's rate on one program at one thread count; NaN when it did not run. */
  record Rate(long executions, double seconds, long steps) {
    static final Rate NONE = new Rate(0, Double.NaN, 0);

    double perSecond() {
      return executions / seconds;
    }
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Settings s;
    Fray fray = null;
    try {
      s = Settings.parse(args, Harness.defaultOut().resolveSibling("bench-scale"));
      if (s.fray()) fray = Fray.fromSetUp();
    } catch (IllegalArgumentException e) {
      err.println("scale bench: " + e.getMessage() + "; " + USAGE);
      return 2;
    } catch (IOException e) {
      err.println("scale bench: " + e.getMessage());
      return 1;
    }
    out.printf("Weft against threads, %s, %s, load %s; %d executions or %d s per tool%n",
        System.getProperty("java.runtime.version"), Machine.describe(), load(), s.executions(),
        s.timeLimit().toSeconds());
    String format = "%-18s %7s %12s %12s %12s %10s %10s %12s%n";
    out.printf(format, "program", "threads", "CLI exec/s", "API exec/s", "Fray exec/s",
        "CLI/Fray", "API/Fray", "API steps/s");
    List<String> csv = new ArrayList<>(List.of(
        "program,threads,cli_exec_per_s,api_exec_per_s,api_steps_per_s,fray_exec_per_s,"
            + "cli_executions,api_executions,fray_executions"));
    try {
      for (String program : s.programs()) {
        for (int threads : s.threads()) {
          List<String> programArgs = List.of(Integer.toString(threads));
          Rate cli = s.cli() ? cli(program, programArgs, s) : Rate.NONE;
          Rate api = api(program, programArgs, s);
          Rate peer = fray == null ? Rate.NONE : fray(fray, program, programArgs, s);
          out.printf(Locale.ROOT, format, program, threads, fixed(cli.perSecond()),
              fixed(api.perSecond()), fixed(peer.perSecond()),
              fixed(cli.perSecond() / peer.perSecond()), fixed(api.perSecond() / peer.perSecond()),
              fixed(api.steps() / api.seconds()));
          csv.add(String.join(",", program, Integer.toString(threads), cell(cli.perSecond()),
              cell(api.perSecond()), cell(api.steps() / api.seconds()), cell(peer.perSecond()),
              Long.toString(cli.executions()), Long.toString(api.executions()),
              Long.toString(peer.executions())));
        }
      }
      Files.createDirectories(s.out());
      Files.write(s.out().resolve("scale.csv"), csv);
    } catch (IOException | URISyntaxException e) {
      err.println("scale bench: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    out.println("load after: " + load() + "; wrote " + s.out().resolve("scale.csv"));
    return 0;
  }

  /** {@code weft run --json --strategy random} in a JVM of its own, on this JVM's JDK. */
  private static Rate cli(String program, List<String> args, Settings s)
      throws IOException, URISyntaxException, InterruptedException {
    Path classes = Path.of(FraySide.programClassPath());
    Path weft = classes.getParent().getParent().getParent().resolve("cli/target/weft");
    if (!Files.isExecutable(weft)) {
      throw new IOException(weft + " is missing; build Weft first (mvn -B install -DskipTests)");
    }
    Path dir = Files.createDirectories(s.out().resolve("cli"));
    Path json = dir.resolve(program + "-" + args.get(0) + ".json");
    List<String> command = new ArrayList<>(List.of(weft.toString(), "run", "--json",
        "--strategy", "random", "--iterations", Integer.toString(s.executions()),
        "--time-limit", s.timeLimit().toSeconds() + "s", "--output-dir", dir.toString(),
        "--classpath", classes.toString(), "--main", PACKAGE + program, "--"));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(json.toFile())
        .redirectError(dir.resolve(program + "-" + args.get(0) + ".log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process child = builder.start();
    if (!child.waitFor(s.timeLimit().toSeconds() + 120, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor();
      throw new IOException("weft run did not finish (" + json + ")");
    }
    String text = Files.readString(json);
    Matcher executions = EXECUTIONS.matcher(text);
    Matcher elapsed = ELAPSED.matcher(text);
    if (child.exitValue() != 0 || !executions.find() || !elapsed.find()) {
      throw new IOException("weft run exited with " + child.exitValue() + " on " + program
          + ", a correct program; see " + json + " and its .log");
    }
    return new Rate(Long.parseLong(executions.group(1)), Double.parseDouble(elapsed.group(1)), 0);
  }

  /** Weft's API in this JVM: the random walk, one execution after the other, after a warm-up. */
  private static Rate api(String program, List<String> args, Settings s) throws IOException {
    MethodHandle main = mainOf(program);
    String[] argv = args.toArray(String[]::new);
    ExecutionConfig config = new ExecutionConfig(20_000, 10_000_000_000L, false, false);
    RandomWalk strategy = new RandomWalk();
    Task task = () -> { main.invokeExact(argv); };
    for (int i = 0; i < Math.min(200, s.executions()); i++) {
      Scheduler.execute(config, strategy, -1 - i, task);
    }
    long deadline = System.nanoTime() + s.timeLimit().toNanos();
    long start = System.nanoTime();
    long steps = 0;
    int ran = 0;
    while (ran < s.executions() && System.nanoTime() < deadline) {
      ExecutionResult r = Scheduler.execute(config, strategy, ran, task);
      if (r.outcome().isBug()) {
        throw new IOException(program + " failed under Weft's API: " + r.report());
      }
      steps += r.steps();
      ran++;
    }
    return new Rate(ran, (System.nanoTime() - start) / 1e9, steps);
  }

  private static Rate fray(Fray fray, String program, List<String> args, Settings s)
      throws IOException, URISyntaxException, InterruptedException {
    Fray.Result r = fray.run(PACKAGE + program, args, "random", s.executions(),
        s.timeLimit().toSeconds(), false, FraySide.programClassPath(),
        s.out().resolve("fray").resolve(program + "-" + args.get(0)));
    if (r.failed()) throw new IOException("Fray reports a failure in " + program + ": " + r.error());
    return new Rate(r.iterations(), r.millis() / 1000.0, 0);
  }

  private static MethodHandle mainOf(String program) {
    try {
      return MethodHandles.publicLookup().findStatic(Class.forName(PACKAGE + program), "main",
          MethodType.methodType(void.class, String[].class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("no program " + program + " with a main in " + PACKAGE);
    }
  }

  /** The 1-minute load average, as the run's rows are read against it. */
  static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String fixed(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? "-" : String.format(Locale.ROOT, "%,.1f", d);
  }

  private static String cell(double d) {
    return Double.isNaN(d) || Double.isInfinite(d) ? "" : Report.plain(d);
  }
}
