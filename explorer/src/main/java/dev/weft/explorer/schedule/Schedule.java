package dev.weft.explorer.schedule;

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
 * @param strategy the strategy that found it: {@code random} or {@code pct}
 * @param seed the exploration's seed
 * @param execution index of the execution within the exploration
 * @param maxSteps the step bound in force (a livelock reproduces only under the same bound)
 * @param spuriousWakeups whether spurious wakeups were allowed (it changes which threads can run)
 * @param failureKind the failure recorded, e.g. {@code EXCEPTION}
 * @param failureSummary its one-line summary
 * @param choices the decisions, encoded by {@link ChoiceCodec}
 * @param steps what each step looked like, encoded by {@link StepLogCodec}, so a replay can check
 *     the program still does the same; null in a short string, which replays unchecked
 * @param original the decisions of the failing execution as the exploration found it, before
 *     shrinking, encoded by {@link ChoiceCodec}; equal to {@code choices} when shrinking was off or
 *     found nothing shorter; null in a short string
 */
public record Schedule(
    String format,
    int formatVersion,
    String weftVersion,
    String jvm,
    String test,
    String classpath,
    String strategy,
    long seed,
    int execution,
    int maxSteps,
    boolean spuriousWakeups,
    String failureKind,
    String failureSummary,
    String choices,
    String steps,
    String original) {

  public static final String FORMAT = "weft-schedule";
  public static final int FORMAT_VERSION = 3;
}
