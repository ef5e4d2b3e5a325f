package dev.weft.explorer.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A recorded failing execution, as stored in a schedule file (see {@code docs/schedule-format.md}).
 * Everything a replay needs, and enough context to refuse a stale or foreign file.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion version of this layout; {@link #FORMAT_VERSION} today
 * @param weftVersion the Weft version that wrote it
 * @param jvm the JVM that ran it, e.g. {@code 17.0.15 (Debian)}
 * @param test the test's identity: a test class and method, or the main class run by the CLI
 * @param classpath the program's class path when the CLI ran it; null for tests
 * @param args the arguments the CLI passed to the program's {@code main}; null for none, so that a
 *     file written without them replays with none
 * @param jvmArgs the options the CLI gave the program's JVM ({@code --jvm-arg}); null for none, so
 *     that a file written without them replays with none
 * @param strategy the strategy that found it: {@code random} or {@code pct}
 * @param seed the exploration's seed
 * @param execution the number of the execution within the exploration, counted from 1 as reports
 *     count it ({@code Failure.execution()} is this minus 1); 0 in a short string, which has none
 * @param maxSteps the step bound in force (a livelock reproduces only under the same bound)
 * @param spuriousWakeups whether spurious wakeups were explored (it changes which choices exist)
 * @param timeouts when timed waits could expire, {@code anytime} or {@code when-blocked} (it
 *     changes which threads can run)
 * @param jdkStructuresOpened whether the JDK's lock-free structures were opened up ({@code
 *     Options.openJdkStructures}: it changes which steps exist); false in a file written without it
 * @param failureKind the failure recorded, e.g. {@code EXCEPTION}
 * @param failureSummary its one-line summary
 * @param choices the decisions, encoded by {@link ChoiceCodec}
 * @param steps what each step looked like, encoded by {@link StepLogCodec}, so a replay can check
 *     the program still does the same; null in a short string, which replays unchecked
 * @param original the decisions of the failing execution as the exploration found it, before
 *     shrinking, encoded by {@link ChoiceCodec}; equal to {@code choices} when shrinking was off or
 *     found nothing shorter; null in a short string
 * @param races null when race detection was off; else the fields declared benign (maybe none),
 *     so a replay checks the same races
 * @param racingSites the plain-access sites that systematic search scheduled because they raced,
 *     by {@code SiteRegistry.stableKey}, so a replay schedules the same accesses; null for none
 * @param classes class name to {@link ClassHashes#hash} of its class file, for the classes whose
 *     code the failing execution ran and the test's or program's own class, so that a replay
 *     against changed code is refused; null in a short string, which replays unchecked
 */
public record Schedule(
    String format,
    int formatVersion,
    String weftVersion,
    String jvm,
    String test,
    String classpath,
    List<String> args,
    List<String> jvmArgs,
    String strategy,
    long seed,
    int execution,
    int maxSteps,
    boolean spuriousWakeups,
    String timeouts,
    boolean jdkStructuresOpened,
    String failureKind,
    String failureSummary,
    String choices,
    String steps,
    String original,
    List<String> races,
    List<Integer> racingSites,
    SortedMap<String, String> classes) {

  public static final String FORMAT = "weft-schedule";
  public static final int FORMAT_VERSION = 6;

  public Schedule {
    if (args != null) args = Collections.unmodifiableList(new ArrayList<>(args));
    if (jvmArgs != null) jvmArgs = Collections.unmodifiableList(new ArrayList<>(jvmArgs));
    if (races != null) races = Collections.unmodifiableList(new ArrayList<>(races));
    if (racingSites != null) racingSites = List.copyOf(racingSites);
    if (classes != null) classes = Collections.unmodifiableSortedMap(new TreeMap<>(classes));
  }

  /**
   * A schedule of this format and version. Besides the JSON reader, the only caller of the
   * constructor: a new component changes this call and its callers' arguments, nothing else.
   */
  public static Schedule of(String weftVersion, String jvm, String test, String classpath,
      List<String> args, List<String> jvmArgs, String strategy, long seed, int execution,
      int maxSteps, boolean spuriousWakeups, String timeouts, boolean jdkStructuresOpened,
      String failureKind, String failureSummary, String choices, String steps, String original, List<String> races, List<Integer> racingSites,
      SortedMap<String, String> classes) {
    return new Schedule(FORMAT, FORMAT_VERSION, weftVersion, jvm, test, classpath, args, jvmArgs,
        strategy, seed, execution, maxSteps, spuriousWakeups, timeouts, jdkStructuresOpened,
        failureKind, failureSummary, choices, steps, original, races, racingSites, classes);
  }

  /** What a short string holds: enough to replay, with no context, step log or class hashes. */
  static Schedule ofShortString(String weftVersion, int maxSteps, boolean spuriousWakeups,
      String timeouts, boolean jdkStructuresOpened, String failureKind, String choices,
      List<String> races, List<Integer> racingSites) {
    return of(weftVersion, null, null, null, null, null, null, 0, 0, maxSteps, spuriousWakeups,
        timeouts, jdkStructuresOpened, failureKind, null, choices, null, null, races, racingSites,
        null);
  }
}
