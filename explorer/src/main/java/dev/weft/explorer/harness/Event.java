package dev.weft.explorer.harness;

/**
 * What one thread of a scenario did: an action with its result or failure, a message its mailbox
 * handled, or a chaos event. Times are {@link System#nanoTime} readings, virtual (and the same on
 * every replay) in controlled runs.
 *
 * <p>Public API since 0.2.
 *
 * @param thread the scenario thread's name ({@code script-1}, {@code mailbox}, {@code chaos-1})
 * @param action the action's or chaos's name
 * @param kind what happened
 * @param detail a call's result, a failure's exception, or what the chaos did; may be empty
 * @param startNanos when it began
 * @param endNanos when it ended
 */
public record Event(String thread, String action, Kind kind, String detail, long startNanos,
    long endNanos) {

  /** What an event records. */
  public enum Kind {
    /** A call returned; the detail is its result. */
    CALL,
    /** A cast was handed to the mailbox. */
    CAST,
    /** A custom action ran. */
    CUSTOM,
    /** The mailbox handled a cast. */
    MESSAGE,
    /** An action or a message threw; the detail is the exception. */
    FAILED,
    /** A chaos function ran. */
    CHAOS
  }

  /** Nanoseconds the event took. */
  public long durationNanos() {
    return endNanos - startNanos;
  }
}
