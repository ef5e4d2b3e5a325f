package dev.weft.explorer.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to explore. Immutable; build with {@link #builder()}. Each setting has a default, which a
 * {@code weft.*} system property overrides (shown beside it); an explicit builder call wins over
 * both.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setting</th><th>default</th><th>property</th></tr>
 *   <tr><td>strategy</td><td>portfolio</td><td>weft.strategy</td></tr>
 *   <tr><td>iterations (executions at most)</td><td>1000</td><td>weft.iterations</td></tr>
 *   <tr><td>seed</td><td>1</td><td>weft.seed</td></tr>
 *   <tr><td>timeLimit (whole exploration)</td><td>60s</td><td>weft.timeLimit</td></tr>
 *   <tr><td>maxSteps (per execution)</td><td>20000</td><td>weft.maxSteps</td></tr>
 *   <tr><td>pctDepth</td><td>3</td><td>weft.pctDepth</td></tr>
 *   <tr><td>preemptionBound (-1: none)</td><td>-1</td><td>weft.preemptionBound</td></tr>
 *   <tr><td>executionTimeout (longest stretch of an execution without a step)</td><td>10s</td><td>weft.executionTimeout</td></tr>
 *   <tr><td>spuriousWakeups (at most one per execution)</td><td>true</td>
 *       <td>weft.spuriousWakeups</td></tr>
 *   <tr><td>timeouts</td><td>anytime</td><td>weft.timeouts ({@code anytime},
 *       {@code when-blocked})</td></tr>
 *   <tr><td>progressInterval (0: silent)</td><td>0</td><td>weft.progressInterval</td></tr>
 *   <tr><td>progressInPlace (one line redrawn, for a terminal)</td><td>false</td>
 *       <td>weft.progressInPlace</td></tr>
 *   <tr><td>shrink (a failure, before reporting it)</td><td>true</td><td>weft.shrink</td></tr>
 *   <tr><td>shrinkRuns (re-runs at most)</td><td>500</td><td>weft.shrinkRuns</td></tr>
 *   <tr><td>outputDir (schedule files)</td><td>target/weft</td><td>weft.outputDir</td></tr>
 *   <tr><td>testName</td><td>the calling class and method</td><td>none</td></tr>
 *   <tr><td>classpath (recorded for CLI replays)</td><td>none</td><td>none</td></tr>
 *   <tr><td>args (the program's, recorded for CLI replays)</td><td>none</td><td>none</td></tr>
 *   <tr><td>jvmArgs (the program's JVM's, recorded for CLI replays)</td><td>none</td><td>none</td>
 *   </tr>
 *   <tr><td>detectRaces (needs the agent's {@code races})</td><td>false</td>
 *       <td>weft.detectRaces</td></tr>
 *   <tr><td>benignRaces (fields, CLASS.FIELD)</td><td>none</td>
 *       <td>weft.benignRaces (comma-separated)</td></tr>
 *   <tr><td>openJdkStructures (steps inside the JDK's lock-free structures; a linearizability
 *       check turns it on)</td><td>false</td><td>weft.openJdkStructures</td></tr>
 * </table>
 *
 * <p>Durations accept {@code 500ms}, {@code 60s}, {@code 2m} or ISO-8601 ({@code PT1M}).
 *
 * <p>Public API since 0.1. Never null fields except {@code testName} (then derived from the
 * caller) and {@code classpath} (the program's class path, recorded in schedule files by the command
 * line so that {@code weft replay} finds the program; null for tests). {@code args}, the arguments
 * the command line passes to the program's {@code main}, and {@code jvmArgs}, the options it gives
 * the program's JVM, are recorded beside it; empty for tests.
 */
public record Options(
    StrategyKind strategy,
    int iterations,
    long seed,
    Duration timeLimit,
    int maxSteps,
    int pctDepth,
    int preemptionBound,
    Duration executionTimeout,
    boolean spuriousWakeups,
    Timeouts timeouts,
    Duration progressInterval,
    boolean progressInPlace,
    boolean shrink,
    int shrinkRuns,
    Path outputDir,
    String testName,
    String classpath,
    List<String> args,
    List<String> jvmArgs,
    boolean detectRaces,
    Set<String> benignRaces,
    boolean openJdkStructures) {

  public Options {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(timeLimit, "timeLimit");
    Objects.requireNonNull(executionTimeout, "executionTimeout");
    Objects.requireNonNull(outputDir, "outputDir");
    Objects.requireNonNull(progressInterval, "progressInterval");
    Objects.requireNonNull(timeouts, "timeouts");
    benignRaces = Set.copyOf(benignRaces);
    args = List.copyOf(args);
    jvmArgs = List.copyOf(jvmArgs);
    for (String field : benignRaces) {
      require(field.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)+"),
          "a benign race names a field as CLASS.FIELD, e.g. com.acme.Counter.hits, not '"
              + field + "'");
    }
    require(!progressInterval.isNegative(), "progressInterval must not be negative");
    require(iterations >= 1, "iterations must be at least 1, was " + iterations);
    require(maxSteps >= 1, "maxSteps must be at least 1, was " + maxSteps);
    require(shrinkRuns >= 1, "shrinkRuns must be at least 1, was " + shrinkRuns);
    require(pctDepth >= 1, "pctDepth must be at least 1, was " + pctDepth);
    require(preemptionBound >= -1,
        "preemptionBound must be -1 (none) or at least 0, was " + preemptionBound);
    require(!timeLimit.isNegative() && !timeLimit.isZero(), "timeLimit must be positive");
    require(!executionTimeout.isNegative() && !executionTimeout.isZero(),
        "executionTimeout must be positive");
  }

  private static void require(boolean ok, String message) {
    if (!ok) throw new IllegalArgumentException(message);
  }

  /** The defaults, with system-property overrides applied. */
  public static Options defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.strategy = strategy;
    b.iterations = iterations;
    b.seed = seed;
    b.timeLimit = timeLimit;
    b.maxSteps = maxSteps;
    b.pctDepth = pctDepth;
    b.preemptionBound = preemptionBound;
    b.executionTimeout = executionTimeout;
    b.spuriousWakeups = spuriousWakeups;
    b.timeouts = timeouts;
    b.progressInterval = progressInterval;
    b.progressInPlace = progressInPlace;
    b.shrink = shrink;
    b.shrinkRuns = shrinkRuns;
    b.outputDir = outputDir;
    b.testName = testName;
    b.classpath = classpath;
    b.args = args;
    b.jvmArgs = jvmArgs;
    b.detectRaces = detectRaces;
    b.benignRaces = new TreeSet<>(benignRaces);
    b.openJdkStructures = openJdkStructures;
    return b;
  }

  /** Parses {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h} or ISO-8601 durations. */
  public static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      if (t.startsWith("p")) return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
      if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      switch (t.charAt(t.length() - 1)) {
        case 's': return Duration.ofSeconds(n);
        case 'm': return Duration.ofMinutes(n);
        case 'h': return Duration.ofHours(n);
        default: break;
      }
    } catch (RuntimeException e) {
      // fall through to the message below
    }
    throw new IllegalArgumentException(
        "cannot read duration '" + text + "'; write e.g. 500ms, 60s, 2m or PT1M");
  }

  /** Builds {@link Options}; starts from the defaults and their system-property overrides. */
  public static final class Builder {
    private StrategyKind strategy = StrategyKind.parse(prop("weft.strategy", "portfolio"));
    private int iterations = Integer.parseInt(prop("weft.iterations", "1000"));
    private long seed = Long.parseLong(prop("weft.seed", "1"));
    private Duration timeLimit = parseDuration(prop("weft.timeLimit", "60s"));
    private int maxSteps = Integer.parseInt(prop("weft.maxSteps", "20000"));
    private int pctDepth = Integer.parseInt(prop("weft.pctDepth", "3"));
    private int preemptionBound = Integer.parseInt(prop("weft.preemptionBound", "-1"));
    private Duration executionTimeout = parseDuration(prop("weft.executionTimeout", "10s"));
    private boolean spuriousWakeups = Boolean.parseBoolean(prop("weft.spuriousWakeups", "true"));
    private Timeouts timeouts = Timeouts.parse(prop("weft.timeouts", "anytime"));
    private Duration progressInterval = parseDuration(prop("weft.progressInterval", "0s"));
    private boolean progressInPlace = Boolean.parseBoolean(prop("weft.progressInPlace", "false"));
    private boolean shrink = Boolean.parseBoolean(prop("weft.shrink", "true"));
    private int shrinkRuns = Integer.parseInt(prop("weft.shrinkRuns", "500"));
    private Path outputDir = Path.of(prop("weft.outputDir", "target/weft"));
    private String testName;
    private String classpath;
    private List<String> args = List.of();
    private List<String> jvmArgs = List.of();
    private boolean detectRaces = Boolean.parseBoolean(prop("weft.detectRaces", "false"));
    private boolean openJdkStructures =
        Boolean.parseBoolean(prop("weft.openJdkStructures", "false"));
    private Set<String> benignRaces = splitList(prop("weft.benignRaces", ""));

    private Builder() {}

    private static Set<String> splitList(String commaSeparated) {
      Set<String> items = new TreeSet<>();
      for (String item : commaSeparated.split(",")) {
        if (!item.isBlank()) items.add(item.strip());
      }
      return items;
    }

    private static String prop(String name, String fallback) {
      return System.getProperty(name, fallback);
    }

    public Builder strategy(StrategyKind strategy) {
      this.strategy = strategy;
      return this;
    }

    public Builder iterations(int iterations) {
      this.iterations = iterations;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder timeLimit(Duration timeLimit) {
      this.timeLimit = timeLimit;
      return this;
    }

    public Builder maxSteps(int maxSteps) {
      this.maxSteps = maxSteps;
      return this;
    }

    public Builder pctDepth(int pctDepth) {
      this.pctDepth = pctDepth;
      return this;
    }

    /**
     * At most this many preemptions per execution, for any strategy; -1 for no bound. With {@code
     * DFS}, bounds 0, 1, ... up to this one are searched in turn, so the first failure found has the
     * fewest preemptions.
     */
    public Builder preemptionBound(int preemptionBound) {
      this.preemptionBound = preemptionBound;
      return this;
    }

    public Builder executionTimeout(Duration executionTimeout) {
      this.executionTimeout = executionTimeout;
      return this;
    }

    /**
     * Whether a {@code wait} or {@code LockSupport.park} of the program's may return without a
     * notify, unpark, interrupt or timeout, as the JVM allows: at most once per execution, where the
     * strategy chooses, recorded in the schedule. On by default, since a program that breaks when it
     * happens is wrong; parks inside JDK code never get one.
     */
    public Builder spuriousWakeups(boolean spuriousWakeups) {
      this.spuriousWakeups = spuriousWakeups;
      return this;
    }

    /** When a timed wait may expire: see {@link Timeouts}; {@link Timeouts#ANYTIME} by default. */
    public Builder timeouts(Timeouts timeouts) {
      this.timeouts = timeouts;
      return this;
    }

    /**
     * How often to print a progress line to standard error while exploring (executions and their
     * rate, interleaving classes, longest execution, time); zero for none.
     */
    public Builder progressInterval(Duration progressInterval) {
      this.progressInterval = progressInterval;
      return this;
    }

    /**
     * Whether the progress line is redrawn in place, for a terminal, and erased when the
     * exploration ends; by default each is a line of its own, as a log file needs.
     */
    public Builder progressInPlace(boolean progressInPlace) {
      this.progressInPlace = progressInPlace;
      return this;
    }

    /**
     * Whether to shrink a failing schedule before reporting it: fewest preemptions first, then
     * fewest steps, re-running each candidate and keeping only those that fail the same way. The
     * report then shows the shrunk execution, and the schedule file keeps the original too.
     * Executions stuck in code Weft does not control are never shrunk.
     */
    public Builder shrink(boolean shrink) {
      this.shrink = shrink;
      return this;
    }

    /**
     * Re-runs shrinking may spend at most; at least 1. Shrinking also stops after half the time the
     * exploration had left when it found the bug. Only that time bound can make the same failure
     * shrink differently from one run to the next.
     */
    public Builder shrinkRuns(int shrinkRuns) {
      this.shrinkRuns = shrinkRuns;
      return this;
    }

    public Builder outputDir(Path outputDir) {
      this.outputDir = outputDir;
      return this;
    }

    /** The name that identifies the test in schedule files; null derives it from the caller. */
    public Builder testName(String testName) {
      this.testName = testName;
      return this;
    }

    /** The program's class path, recorded in schedule files for command-line replays. */
    public Builder classpath(String classpath) {
      this.classpath = classpath;
      return this;
    }

    /** The arguments of the program's {@code main}, recorded in schedule files for replays. */
    public Builder args(List<String> args) {
      this.args = args;
      return this;
    }

    /**
     * The options the command line gave the program's JVM, recorded in schedule files so that a
     * replay starts its JVM alike.
     */
    public Builder jvmArgs(List<String> jvmArgs) {
      this.jvmArgs = jvmArgs;
      return this;
    }

    /**
     * Also checks plain field and array accesses: two of them to one location, one a write, that
     * happens-before does not order, fail the execution as a {@link FailureKind#DATA_RACE}. Needs
     * the agent's plain-access instrumentation: {@code -javaagent:weft-agent.jar=races}.
     */
    public Builder detectRaces(boolean detectRaces) {
      this.detectRaces = detectRaces;
      return this;
    }

    /**
     * Declares races on a field benign (a racy cache, a statistics counter): {@code
     * com.acme.Counter.hits}, or {@code Counter.hits} for that class in any package. Repeatable.
     */
    public Builder benignRace(String field) {
      benignRaces.add(field.strip());
      return this;
    }

    /**
     * Opens up the JDK's lock-free structures ({@code ConcurrentLinkedDeque}, {@code
     * ConcurrentLinkedQueue}, {@code ConcurrentHashMap}, {@code ConcurrentSkipListMap/Set}): a
     * call of the program's on one, its iterators and views included, is no longer one scheduling
     * point but takes one at each shared access and monitor inside the structure's own code, so
     * the overlaps of its calls are explored. Off by default: a call then costs several steps
     * instead of one (6 to 12 for a deque's), a walk over a large map thousands, which the step
     * bound ({@link #maxSteps}) must allow. {@code Linearizability.check} turns it on.
     */
    public Builder openJdkStructures(boolean openJdkStructures) {
      this.openJdkStructures = openJdkStructures;
      return this;
    }

    public Options build() {
      return new Options(strategy, iterations, seed, timeLimit, maxSteps, pctDepth,
          preemptionBound, executionTimeout, spuriousWakeups, timeouts, progressInterval,
          progressInPlace, shrink, shrinkRuns,
          outputDir, testName, classpath, args, jvmArgs, detectRaces, benignRaces,
          openJdkStructures);
    }
  }
}
