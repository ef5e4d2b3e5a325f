package dev.weft.explorer.harness;

import com.google.gson.GsonBuilder;
import dev.weft.explorer.report.html.HtmlReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one run of a scenario did and whether it satisfied its options. In a controlled run that
 * failed, the run is the failing execution, replayed; {@code schedule} and {@code trace} say how to
 * replay it and what the threads did step by step.
 *
 * <p>Public API since 0.2.
 *
 * @param passed no invariant, mailbox or performance check failed
 * @param failures one line per failed check
 * @param events every thread's events, by thread
 * @param mailbox the mailbox depth samples taken after each cast and at the end
 * @param performance wall-time figures of a real-thread run; null in a controlled one
 * @param metadata the options' metadata
 * @param schedule the failing execution's schedule string, in a controlled run that failed
 * @param trace the failing execution's trace, in a controlled run that failed
 */
public record ScenarioReport(boolean passed, List<String> failures, List<Event> events,
    MailboxStats mailbox, Performance performance, Map<String, String> metadata, String schedule,
    String trace) {

  /**
   * @param samples the depths, in the order taken
   * @param max the largest
   * @param mean their mean
   * @param atEnd the depth once the threads had ended
   */
  public record MailboxStats(List<Integer> samples, int max, double mean, int atEnd) {}

  /**
   * @param elapsedNanos the run's wall time, from the first thread's start to the last's end
   * @param actions actions run
   * @param throughput actions per second
   */
  public record Performance(long elapsedNanos, int actions, double throughput) {}

  /**
   * A controlled run that ended before its checks could run (a deadlock, a thread stuck in code
   * Weft does not control): the failure Weft reported is its only one.
   */
  static ScenarioReport unfinished(String failure, Map<String, String> metadata, String schedule,
      String trace) {
    return new ScenarioReport(false, List.of(failure), List.of(),
        new MailboxStats(List.of(), 0, 0, 0), null, metadata, schedule, trace);
  }

  ScenarioReport withReplay(String schedule, String trace) {
    return new ScenarioReport(passed, failures, events, mailbox, performance, metadata, schedule,
        trace);
  }

  /** This report with {@code more} failures after its own. */
  ScenarioReport withFailures(List<String> more) {
    List<String> all = new ArrayList<>(failures);
    all.addAll(more);
    return new ScenarioReport(false, List.copyOf(all), events, mailbox, performance, metadata,
        schedule, trace);
  }

  /** The report as JSON, for tools. */
  public String toJson() {
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
        .toJson(this);
  }

  /**
   * The report as a section of the failure's HTML page: the verdict, the metadata, the mailbox
   * figures, then every event in a table.
   */
  HtmlReport.Section htmlSection() {
    List<String> lines = new ArrayList<>();
    if (passed) lines.add("Passed.");
    failures.forEach(f -> lines.add("Failed: " + f));
    if (!metadata.isEmpty()) lines.add("Metadata: " + metadata);
    lines.add(String.format(Locale.ROOT, "Mailbox depth: at most %d, mean %.2f, %d at the end"
        + " (%d samples).", mailbox.max(), mailbox.mean(), mailbox.atEnd(),
        mailbox.samples().size()));
    List<List<String>> table = new ArrayList<>();
    table.add(List.of("thread", "action", "kind", "result or failure", "start ns", "end ns"));
    for (Event e : events) {
      table.add(List.of(e.thread(), e.action(), e.kind().name(), e.detail(),
          Long.toString(e.startNanos()), Long.toString(e.endNanos())));
    }
    return new HtmlReport.Section("Scenario", lines, table);
  }

  /** The failures, one per line, or "passed". */
  public String verdict() {
    return passed ? "passed" : "failed:\n  " + String.join("\n  ", failures);
  }
}
