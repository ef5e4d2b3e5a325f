package dev.weft.explorer.property;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link ForAllStress#check()} did.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param threads the threads that ran the property
 * @param operations checks of the property that ended, passing or failing
 * @param failures checks that threw
 * @param firstFailures the first failures (at most 10) with their inputs; unmodifiable
 * @param stuck threads the {@link DeadlockDetector} found stuck, which ended the run early
 * @param seed the seed the inputs were drawn from
 * @param elapsed wall-clock time of the run
 */
public record StressResult<T>(int threads, long operations, long failures,
    List<StressFailure<T>> firstFailures, Optional<StuckThreads> stuck, long seed,
    Duration elapsed) {
  public StressResult {
    firstFailures = List.copyOf(firstFailures);
  }

  /** Whether no check failed and no thread got stuck. */
  public boolean passed() {
    return failures == 0 && stuck.isEmpty();
  }

  /** Checks that ended per second of the run, over all threads. */
  public double operationsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : operations / seconds;
  }

  /** Throws an {@link AssertionError} with {@link #report()} unless it passed. */
  public StressResult<T> assertHolds() {
    if (!passed()) {
      throw new AssertionError(report(),
          firstFailures.isEmpty() ? null : firstFailures.get(0).error());
    }
    return this;
  }

  /** The counts and the rate; the stuck threads with their stacks; the first failures. */
  public String report() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "Stress: %d operations on %d threads in %.2f s (%.0f/s), %d failed, seed %d%n",
        operations, threads, elapsed.toNanos() / 1e9, operationsPerSecond(), failures, seed));
    stuck.ifPresent(st -> s.append("Stopped early: ").append(st));
    if (!firstFailures.isEmpty()) {
      s.append(failures > firstFailures.size() ? "First failures:\n" : "Failures:\n");
      firstFailures.forEach(f -> s.append("  ").append(f).append('\n'));
    }
    return s.toString();
  }
}
