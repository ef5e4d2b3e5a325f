package dev.weft.explorer.property;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link ForAllConcurrent#check()} did.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param inputsTested inputs explored, examples included
 * @param raceConditionsDetected how many of them had an interleaving whose outcomes differ from
 *     the sequential run's (each input's exploration stops at its first)
 * @param executions executions run over all inputs' explorations, shrinking not included
 * @param firstDifference the difference of the input with the smallest test number, shrunk
 * @param seed the seed the inputs were drawn from
 * @param elapsed wall-clock time, shrinking included
 */
public record ConcurrentTestResult<T, R>(int inputsTested, int raceConditionsDetected,
    int executions, Optional<Difference<T, R>> firstDifference, long seed, Duration elapsed) {

  /**
   * Whether every explored interleaving of every input gave outcomes equivalent to the sequential
   * run's.
   */
  public boolean deterministic() {
    return raceConditionsDetected == 0;
  }

  /** Throws an {@link AssertionError} with {@link #report()} unless deterministic. */
  public ConcurrentTestResult<T, R> assertDeterministic() {
    if (!deterministic()) {
      throw new AssertionError(report(), firstDifference.get().failure().error());
    }
    return this;
  }

  /** The counts, and for the first difference its inputs, outcomes, trace and how to replay it. */
  public String report() {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "%d of %d inputs gave a result that their sequential run does not (%d executions, seed %d,"
            + " %.2f s)%n", raceConditionsDetected, inputsTested, executions, seed,
        elapsed.toNanos() / 1e9));
    firstDifference.ifPresent(d -> {
      s.append("First at test ").append(d.test()).append(": input ").append(d.shrunkInput())
          .append(" (shrunk from ").append(d.input()).append(" in ").append(d.shrinkSteps())
          .append(d.shrinkSteps() == 1 ? " step), " : " steps), ").append(d.shrunkThreads())
          .append(" threads (shrunk from ").append(d.threads()).append(")\n");
      s.append("  one after another: ").append(d.sequential()).append('\n');
      s.append("  at once, per thread: ").append(d.perThread()).append('\n');
      s.append(d.failure().report()).append("Replay it:\n");
      String threads = d.shrunkThreads() == d.threads() ? "" : ", " + d.shrunkThreads();
      String body = ", property.body(" + d.shrunkInput() + threads + "))\n";
      if (d.failure().scheduleFile() != null) {
        s.append("  Weft.replay(\"").append(d.failure().scheduleFile()).append('"').append(body);
      }
      s.append("  Weft.replay(\"").append(d.failure().schedule()).append('"').append(body);
      s.append("Reproduce with .withSeed(").append(seed).append(")\n");
    });
    return s.toString();
  }
}
