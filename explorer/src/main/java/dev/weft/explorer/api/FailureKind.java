package dev.weft.explorer.api;

/**
 * What kind of bug an execution revealed.
 *
 * <p>Public API since 0.1.
 */
public enum FailureKind {
  /** A throwable escaped a thread: an exception, or a failed {@code assert}. */
  EXCEPTION,
  /** Every live thread was blocked. */
  DEADLOCK,
  /** The step bound was reached: a possible livelock or unbounded spin. */
  LIVELOCK,
  /** A thread blocked in code Weft does not control until the execution's deadline. */
  STUCK,
  /** A thread would have waited for a thread Weft does not control; stopped at once. */
  UNCONTROLLED,
  /**
   * Two plain accesses to one field or array element, at least one a write, that happens-before
   * does not order (only with {@link Options#detectRaces()}).
   */
  DATA_RACE,
  /**
   * A thread called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt} with a status
   * other than 0: the execution ended there, as the process would have. Since 0.1.
   */
  EXIT
}
