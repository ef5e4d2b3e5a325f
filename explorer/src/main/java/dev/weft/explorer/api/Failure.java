package dev.weft.explorer.api;

import dev.weft.explorer.report.Counts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bug Weft found, with everything needed to understand and replay it.
 *
 * <p>Public API since 0.1.
 *
 * @param kind what went wrong
 * @param summary one line, e.g. {@code T1 threw java.lang.AssertionError: lost update}
 * @param details what shrinking did and any warning, then the deadlock cycle, livelock threads or
 *     stuck stack; empty for an exception that shrinking did not change
 * @param error the throwable that escaped, for {@link FailureKind#EXCEPTION}; else null
 * @param trace the readable trace of the failing execution (after shrinking), one column per thread
 * @param scheduleFile where the schedule was written (relative to the working directory), or null if
 *     it could not be written
 * @param schedule the schedule as a short string, accepted by {@link Weft#replay}
 * @param execution index of the failing execution in the exploration, from 0 (the report, the
 *     schedule file and {@code weft run --json} number it from 1)
 * @param steps scheduling points of the failing execution, after shrinking
 * @param preemptions switches away from a thread that could have gone on, in the failing execution
 *     after shrinking
 */
public record Failure(
    FailureKind kind,
    String summary,
    String details,
    Throwable error,
    String trace,
    Path scheduleFile,
    String schedule,
    int execution,
    int steps,
    int preemptions) {

  /** What failed, the trace, the details and the stack: everything but how to replay it. */
  public String report() {
    return headline() + "\n\n" + trace + "\n" + explanation();
  }

  /** What failed, in one line: its kind, in which execution, after how many preemptions. */
  public String headline() {
    return "Weft found a bug (" + kind.name().toLowerCase(java.util.Locale.ROOT)
        + ") in execution " + (execution + 1) + ", with "
        + Counts.of(preemptions, "preemption", "preemptions") + ": " + summary;
  }

  /**
   * The details, then the error with the program's own stack frames: what the trace does not show.
   * Empty when there is neither.
   */
  public String explanation() {
    StringBuilder s = new StringBuilder();
    if (!details.isEmpty()) s.append(details).append('\n');
    if (error != null) s.append(StackTraces.userFrames(error)).append('\n');
    return s.toString();
  }

  /** {@link #report()} followed by how to replay it from a test ({@link #replayCalls()}). */
  public String message() {
    StringBuilder s = new StringBuilder(report()).append("Replay it:\n");
    for (String call : replayCalls()) s.append("  ").append(call).append('\n');
    return s.toString();
  }

  /**
   * How to replay it from a test: {@code Weft.replay("FILE", body)} when the schedule file was
   * written, then {@code Weft.replay("weft1;...", body)}. Never empty.
   */
  public List<String> replayCalls() {
    List<String> calls = new ArrayList<>();
    if (scheduleFile != null) calls.add("Weft.replay(\"" + scheduleFile + "\", body)");
    calls.add("Weft.replay(\"" + schedule + "\", body)");
    return calls;
  }
}
