package dev.weft.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of {@code weft}, the same in the launching JVM and in the child that explores: the
 * launcher returns the child's code unchanged.
 *
 * <p>Public API since 0.1: scripts and CI jobs test these numbers.
 */
public final class ExitCode {
  /** {@code run}: the exploration finished without finding a bug; {@code report}: it was written. */
  public static final int NO_BUG = 0;
  /** {@code run}: a bug was found; {@code replay}: the recorded failure reproduced. */
  public static final int BUG = 1;
  /** Bad usage: an option, the main class, or the schedule file needs fixing. */
  public static final int USAGE = 2;
  /**
   * {@code replay}, {@code report}: the program diverged from the schedule or no longer fails.
   */
  public static final int NOT_REPRODUCED = 3;
  /** Weft itself failed: the child JVM could not start, or an internal error. */
  public static final int INTERNAL = 4;

  private ExitCode() {}

  /** Prints the one line a usage error gets (what to fix, never a stack trace); returns USAGE. */
  public static int usage(PrintStream err, String message) {
    err.println("weft: " + message);
    return USAGE;
  }

  /** Reports a bug in Weft itself, with the stack trace to report it with; returns INTERNAL. */
  public static int internal(PrintStream err, Throwable e) {
    err.println("weft: internal error, please report it with this stack trace:");
    e.printStackTrace(err);
    return INTERNAL;
  }

  /** Code to meaning, in order, for the commands' usage help. */
  static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(String.valueOf(NO_BUG), "no bug found (run); the report was written (report)");
    codes.put(String.valueOf(BUG), "bug found (run); the recorded failure reproduced (replay)");
    codes.put(String.valueOf(USAGE), "bad usage, main class not found, unreadable or stale schedule");
    codes.put(String.valueOf(NOT_REPRODUCED), "the replay diverged or no longer fails");
    codes.put(String.valueOf(INTERNAL), "Weft itself failed");
    return codes;
  }
}
