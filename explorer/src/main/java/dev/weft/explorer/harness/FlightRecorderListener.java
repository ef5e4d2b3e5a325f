package dev.weft.explorer.harness;

import java.util.Map;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** {@link ScenarioListener#flightRecorder()}: the harness's events as Flight Recorder events. */
final class FlightRecorderListener implements ScenarioListener {
  /** Set by the run's start: a controlled run records nothing. */
  private volatile boolean recording;

  @Override
  public void scenarioStarted(Map<String, String> metadata, boolean controlled) {
    recording = !controlled;
  }

  @Override
  public void operationEnded(Event event) {
    if (!recording) return;
    OperationEvent e = new OperationEvent();
    e.thread = event.thread();
    e.action = event.action();
    e.kind = event.kind().name();
    e.detail = event.detail();
    e.measured = event.durationNanos();
    e.commit();
  }

  @Override
  public void chaos(Event event) {
    if (!recording) return;
    ChaosEvent e = new ChaosEvent();
    e.name = event.action();
    e.detail = event.detail();
    e.commit();
  }

  @Override
  public void mailboxSampled(String thread, int depth) {
    if (!recording) return;
    MailboxSampleEvent e = new MailboxSampleEvent();
    e.thread = thread;
    e.depth = depth;
    e.commit();
  }

  @Override
  public void performance(ScenarioReport.Performance performance) {
    if (!recording) return;
    PerformanceEvent e = new PerformanceEvent();
    e.elapsed = performance.elapsedNanos();
    e.actions = performance.actions();
    e.throughput = performance.throughput();
    e.commit();
  }

  @Override
  public void scenarioEnded(ScenarioReport report) {
    if (!recording) return;
    ScenarioEvent e = new ScenarioEvent();
    e.verdict = report.verdict();
    e.failures = String.join("; ", report.failures());
    e.commit();
  }

  @Name("dev.weft.Operation")
  @Label("Scenario Operation")
  @Category({"Weft", "Scenario"})
  @Description("An action of a scenario's thread, or a cast its mailbox handled")
  static final class OperationEvent extends jdk.jfr.Event {
    @Label("Scenario Thread") String thread;
    @Label("Action") String action;
    @Label("Kind") String kind;
    @Label("Detail") String detail;
    @Label("Measured Duration") @Timespan(Timespan.NANOSECONDS) long measured;
  }

  @Name("dev.weft.Chaos")
  @Label("Scenario Chaos")
  @Category({"Weft", "Scenario"})
  static final class ChaosEvent extends jdk.jfr.Event {
    @Label("Chaos") String name;
    @Label("Detail") String detail;
  }

  @Name("dev.weft.MailboxSample")
  @Label("Scenario Mailbox Depth")
  @Category({"Weft", "Scenario"})
  static final class MailboxSampleEvent extends jdk.jfr.Event {
    @Label("Sending Thread") String thread;
    @Label("Depth") int depth;
  }

  @Name("dev.weft.Performance")
  @Label("Scenario Performance")
  @Category({"Weft", "Scenario"})
  static final class PerformanceEvent extends jdk.jfr.Event {
    @Label("Elapsed") @Timespan(Timespan.NANOSECONDS) long elapsed;
    @Label("Actions") int actions;
    @Label("Actions per Second") double throughput;
  }

  @Name("dev.weft.Scenario")
  @Label("Scenario Run")
  @Category({"Weft", "Scenario"})
  static final class ScenarioEvent extends jdk.jfr.Event {
    @Label("Verdict") String verdict;
    @Label("Failures") String failures;
  }
}
