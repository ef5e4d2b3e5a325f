package dev.weft.explorer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.harness.Services;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's events reach its listeners as they happen, and Flight Recorder's recordings. */
class TelemetryTest {
  /** Two threads, each a call then a cast; a chaos that does nothing. */
  private static Scenario<Services.Tally> scenario(ScenarioListener listener) {
    return Scenario.simple(Services.Tally::new,
        List.of(Action.call("total", Services.Tally::total), Action.cast("add", Services.Tally::add)),
        2, ScenarioOptions.<Services.Tally>builder()
            .chaos(Chaos.of("nothing", (target, context) -> { }))
            .metadata("service", "tally")
            .listener(listener)
            .build());
  }

  /** Writes down what it is told, one line per event. */
  private static final class Log implements ScenarioListener {
    final Queue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    public void scenarioStarted(Map<String, String> metadata, boolean controlled) {
      lines.add("started " + metadata + (controlled ? " controlled" : " real"));
    }

    @Override
    public void threadStarted(String thread) {
      lines.add("thread started " + thread);
    }

    @Override
    public void threadEnded(String thread) {
      lines.add("thread ended " + thread);
    }

    @Override
    public void operationStarted(String thread, String action) {
      lines.add("operation started " + thread + " " + action);
    }

    @Override
    public void operationEnded(Event event) {
      lines.add("operation ended " + event.thread() + " " + event.action() + " " + event.kind());
    }

    @Override
    public void chaos(Event event) {
      lines.add("chaos " + event.thread() + " " + event.action());
    }

    @Override
    public void mailboxSampled(String thread, int depth) {
      lines.add("mailbox sampled " + thread);
    }

    @Override
    public void performance(ScenarioReport.Performance performance) {
      lines.add("performance " + performance.actions() + " actions");
    }

    @Override
    public void scenarioEnded(ScenarioReport report) {
      lines.add("ended " + report.verdict());
    }

    long count(String prefix) {
      return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
  }

  @Test
  void aListenerIsToldEveryEventOfARealThreadRun() {
    Log log = new Log();
    Harness.run(scenario(log)).assertPassed();
    List<String> lines = List.copyOf(log.lines);
    assertEquals("started {service=tally} real", lines.get(0), lines::toString);
    assertEquals("ended passed", lines.get(lines.size() - 1), lines::toString);
    for (String thread : List.of("script-1", "script-2")) {
      assertTrue(lines.contains("thread started " + thread), lines::toString);
      assertTrue(lines.contains("operation started " + thread + " total"), lines::toString);
      assertTrue(lines.contains("operation ended " + thread + " total CALL"), lines::toString);
      assertTrue(lines.contains("operation ended " + thread + " add CAST"), lines::toString);
      assertTrue(lines.contains("mailbox sampled " + thread), lines::toString);
      assertTrue(lines.contains("thread ended " + thread), lines::toString);
    }
    assertEquals(2, log.count("operation ended mailbox add MESSAGE"), lines::toString);
    assertTrue(lines.contains("chaos chaos-1 nothing"), lines::toString);
    assertTrue(lines.contains("performance 4 actions"), lines::toString);
  }

  @Test
  void aControlledRunTellsItsListenersInEveryExecution() {
    Log log = new Log();
    Harness.explore(scenario(log), dev.weft.explorer.api.Options.builder().iterations(5)
        .testName("telemetry").build()).assertPassed();
    assertEquals(5, log.count("started {service=tally} controlled"), log.lines::toString);
    assertEquals(5, log.count("ended passed"), log.lines::toString);
    assertEquals(0, log.count("performance"), "time is virtual: no performance figures");
  }

  @Test
  void aListenerThatThrowsFailsTheRunSayingSo() {
    ScenarioResult result = Harness.run(scenario(new ScenarioListener() {
      @Override
      public void chaos(Event event) {
        throw new IllegalStateException("telemetry backend down");
      }
    }));
    assertEquals(1, result.report().failures().size(), result.report().failures()::toString);
    assertTrue(result.report().failures().get(0).matches("telemetry: listener \\S+ threw"
        + " java.lang.IllegalStateException: telemetry backend down"),
        result.report().failures()::toString);
  }

  @Test
  void theFlightRecorderListenerRecordsTheRunForMissionControl(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("scenario.jfr");
    try (Recording recording = new Recording()) {
      for (String name : List.of("dev.weft.Operation", "dev.weft.Chaos", "dev.weft.MailboxSample",
          "dev.weft.Performance", "dev.weft.Scenario")) {
        recording.enable(name);
      }
      recording.start();
      Harness.run(scenario(ScenarioListener.flightRecorder())).assertPassed();
      recording.stop();
      recording.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    List<String> operations = events.stream()
        .filter(e -> e.getEventType().getName().equals("dev.weft.Operation"))
        .map(e -> e.getString("thread") + " " + e.getString("action") + " " + e.getString("kind"))
        .sorted().toList();
    assertEquals(List.of("mailbox add MESSAGE", "mailbox add MESSAGE", "script-1 add CAST",
        "script-1 total CALL", "script-2 add CAST", "script-2 total CALL"), operations);
    assertTrue(events.stream().filter(e -> e.getEventType().getName().equals("dev.weft.Operation"))
        .allMatch(e -> e.getLong("measured") >= 0));
    assertEquals(1, count(events, "dev.weft.Chaos"));
    assertEquals(2, count(events, "dev.weft.MailboxSample"));
    RecordedEvent performance = only(events, "dev.weft.Performance");
    assertEquals(4, performance.getInt("actions"));
    assertEquals("passed", only(events, "dev.weft.Scenario").getString("verdict"));
  }

  private static long count(List<RecordedEvent> events, String type) {
    return events.stream().filter(e -> e.getEventType().getName().equals(type)).count();
  }

  private static RecordedEvent only(List<RecordedEvent> events, String type) {
    List<RecordedEvent> of = events.stream()
        .filter(e -> e.getEventType().getName().equals(type)).toList();
    assertEquals(1, of.size(), type);
    return of.get(0);
  }
}
