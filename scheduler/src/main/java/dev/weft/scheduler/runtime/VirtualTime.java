package dev.weft.scheduler.runtime;

import java.time.Instant;

/**
 * What the clocks read in an execution: fixed origins plus the execution's virtual nanoseconds, so
 * the same schedule reads the same times. Wall-clock time starts at 2000-01-01T00:00:00Z.
 */
public final class VirtualTime {
  private static final long NANO_ORIGIN = 1_000_000_000_000L;
  private static final long EPOCH_MILLIS = 946_684_800_000L;

  private VirtualTime() {}

  public static long nanoTime(long virtualNanos) {
    return NANO_ORIGIN + virtualNanos;
  }

  public static long millis(long virtualNanos) {
    return EPOCH_MILLIS + virtualNanos / 1_000_000L;
  }

  public static Instant instant(long virtualNanos) {
    return Instant.ofEpochMilli(EPOCH_MILLIS).plusNanos(virtualNanos);
  }
}
