package dev.weft.explorer.api;

import java.util.Locale;

/**
 * When a timed wait ({@code wait(ms)}, {@code parkNanos}, {@code tryLock(time)}, {@code
 * await(time)}, {@code join(ms)}, {@code poll(time)}) may expire. Time in an execution is virtual:
 * a timeout expires when the scheduler lets it, and this is the rule. See {@code
 * docs/concurrency.md}.
 *
 * <p>Public API since 0.1.
 */
public enum Timeouts {
  /**
   * The default. A timeout shorter than a second may expire at any scheduling point, even while
   * other threads could run, as it can on a loaded machine where the thread that would have
   * signalled in time is not scheduled; a longer one only when no other thread can run. Finds the
   * bugs of programs that treat a short timeout as "long enough".
   */
  ANYTIME,
  /**
   * Every timeout expires only when no other thread can run: for programs whose timeouts are
   * meant only to end waits that nothing else will end (an {@code await(1 s)} that an interrupt
   * ends), where an early expiry is not a failure anyone needs to handle.
   */
  WHEN_BLOCKED;

  /** The name on the command line and in schedule files: {@code anytime}, {@code when-blocked}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Parses a command-line name; throws IllegalArgumentException naming the valid ones. */
  public static Timeouts parse(String name) {
    for (Timeouts t : values()) if (t.cliName().equalsIgnoreCase(name.trim())) return t;
    throw new IllegalArgumentException(
        "unknown timeout model '" + name + "'; choose anytime or when-blocked");
  }
}
