package dev.weft.scheduler.runtime;

/** How an execution ended. */
public enum Outcome {
  /** Every controlled thread ended normally. */
  PASSED,
  /** A throwable escaped a controlled thread (an exception, or a failed {@code assert}). */
  EXCEPTION,
  /** No thread could run, though some were alive. */
  DEADLOCK,
  /** The step bound was reached: a possible livelock or unbounded spin. */
  LIVELOCK,
  /** A thread blocked or looped in code Weft does not control until the deadline passed. */
  STUCK,
  /**
   * A controlled thread would have waited for a thread Weft does not control (joined it, say):
   * stopped at once rather than left to hang.
   */
  UNCONTROLLED,
  /** Two plain accesses to one location, one a write, not ordered by happens-before. */
  DATA_RACE,
  /**
   * A controlled thread called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}
   * with a status other than 0, which ends every thread, as a real exit ends the process. An exit
   * with status 0 ends the execution as {@link #PASSED}.
   */
  EXIT,
  /** A replayed schedule no longer matched the program. */
  DIVERGED,
  /**
   * The strategy ended the execution early because the rest could only repeat interleavings it has
   * already covered (a sleep-set-blocked execution of systematic search).
   */
  PRUNED,
  /**
   * Weft itself failed: its scheduling code or the strategy threw. Never the program's bug: the
   * report says what Weft could not do, and the exploration must stop.
   */
  INTERNAL_ERROR;

  /** Whether this outcome is a bug of the program under test. */
  public boolean isBug() {
    return this != PASSED && this != DIVERGED && this != PRUNED && this != INTERNAL_ERROR;
  }
}
