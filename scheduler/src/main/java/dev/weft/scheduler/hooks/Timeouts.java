package dev.weft.scheduler.hooks;

/**
 * The timeouts of {@code wait}, {@code join} and {@code sleep} as the model takes them, in
 * nanoseconds, checked as the JDK checks them: the same exception for the same bad argument, with
 * or without an exploration running.
 */
final class Timeouts {
  private Timeouts() {}

  /** {@code millis} in nanoseconds; throws as the JDK does for a negative one. */
  static long nanos(long millis) {
    if (millis < 0) throw new IllegalArgumentException("timeout value is negative");
    return millis * 1_000_000L;
  }

  /** {@code millis} and {@code nanos} in nanoseconds; throws as the JDK does for bad ones. */
  static long nanos(long millis, int nanos) {
    long total = nanos(millis); // the JDK checks the milliseconds first
    if (nanos < 0 || nanos > 999_999) {
      throw new IllegalArgumentException("nanosecond timeout value out of range");
    }
    return total + nanos;
  }

  /** A timeout of {@code wait} or {@code join}, where 0 means none: -1, the model's "untimed". */
  static long untimedIfZero(long nanos) {
    return nanos == 0 ? -1 : nanos;
  }
}
