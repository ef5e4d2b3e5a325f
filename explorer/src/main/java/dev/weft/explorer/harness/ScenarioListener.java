package dev.weft.explorer.harness;

import java.util.Map;

/**
 * Telemetry: what a scenario run does, as it happens. Register with {@link
 * ScenarioOptions.Builder#listener}; every method has an empty default, so a listener overrides
 * what it wants. The scripts, the mailbox's workers and the chaos call it from their own threads,
 * at once: a listener must be thread-safe. In a controlled run it is called in every execution,
 * with virtual times. What a listener throws fails the run, saying so.
 *
 * <p>{@link #flightRecorder()} turns the same events into JDK Flight Recorder events, to be seen in
 * JDK Mission Control beside the JVM's own.
 *
 * <p>Public API since 0.2.
 */
public interface ScenarioListener {
  /** A run began; {@code controlled} when under Weft's scheduler (times are virtual then). */
  default void scenarioStarted(Map<String, String> metadata, boolean controlled) {}

  /** A script, mailbox or chaos thread began its work. */
  default void threadStarted(String thread) {}

  /** A script or chaos thread ended its work. */
  default void threadEnded(String thread) {}

  /** {@code thread} is about to run the action, or to handle the cast, named {@code action}. */
  default void operationStarted(String thread, String action) {}

  /** An action, or a cast's handling, ended: its event, with the result or the failure. */
  default void operationEnded(Event event) {}

  /** A chaos struck. */
  default void chaos(Event event) {}

  /** The mailbox held {@code depth} messages when {@code thread} had sent a cast. */
  default void mailboxSampled(String thread, int depth) {}

  /** A real-thread run's performance, measured once its threads ended. */
  default void performance(ScenarioReport.Performance performance) {}

  /** A run ended; its report holds the verdict. */
  default void scenarioEnded(ScenarioReport report) {}

  /**
   * A listener that commits each event as a JDK Flight Recorder event ({@code dev.weft.Scenario},
   * {@code dev.weft.Operation}, {@code dev.weft.Chaos}, {@code dev.weft.MailboxSample}, {@code
   * dev.weft.Performance}, in the category Weft), recorded when a recording is on. Operations
   * carry the duration the harness measured. Controlled runs are left out: their times are
   * virtual, and a recording is about the real JVM.
   */
  static ScenarioListener flightRecorder() {
    return new FlightRecorderListener();
  }
}
