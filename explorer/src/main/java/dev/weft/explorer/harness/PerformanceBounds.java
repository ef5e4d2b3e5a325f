package dev.weft.explorer.harness;

import dev.weft.explorer.harness.ScenarioOptions.LatencyBound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Performance bounds given from outside a scenario ({@link Harness#runWithPerformance}), for
 * instance by a CI job with its own budget: they hold on top of the scenario's own.
 *
 * <pre>{@code
 * Harness.runWithPerformance(scenario, PerformanceBounds.none()
 *     .maxTime(Duration.ofMillis(100)).maxLatency("get", 99, Duration.ofMillis(5)));
 * }</pre>
 *
 * <p>Public API since 0.2.
 *
 * @param maxTime the run's wall time at most; null for no limit
 * @param minThroughput actions per second at least; 0 for no limit
 * @param latencies per action, a percentile of its latency at most
 */
public record PerformanceBounds(Duration maxTime, double minThroughput,
    List<LatencyBound> latencies) {

  public PerformanceBounds {
    latencies = List.copyOf(latencies);
    if (minThroughput < 0) throw new IllegalArgumentException("minThroughput must be at least 0");
  }

  /** No bound: add them with the methods below. */
  public static PerformanceBounds none() {
    return new PerformanceBounds(null, 0, List.of());
  }

  public PerformanceBounds maxTime(Duration max) {
    return new PerformanceBounds(Objects.requireNonNull(max, "max"), minThroughput, latencies);
  }

  public PerformanceBounds minThroughput(double actionsPerSecond) {
    return new PerformanceBounds(maxTime, actionsPerSecond, latencies);
  }

  public PerformanceBounds maxLatency(String action, double percentile, Duration max) {
    List<LatencyBound> more = new ArrayList<>(latencies);
    more.add(new LatencyBound(action, percentile, max));
    return new PerformanceBounds(maxTime, minThroughput, more);
  }
}
