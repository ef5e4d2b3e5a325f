package dev.weft.explorer.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a scenario runs and what it must satisfy. Build with {@link #builder()}; every setting is
 * optional.
 *
 * <p>Public API since 0.2.
 *
 * @param <T> the target's type
 * @param invariant checked once the threads have ended (and the harness's mailbox has drained);
 *     what it throws fails the scenario
 * @param cleanup run last, before an {@link AutoCloseable} target is closed
 * @param metadata merged into the report
 * @param chaos each runs once, on a thread of its own, while the scripts run
 * @param maxMailboxDepth the most messages the mailbox may hold at any sample; -1 for no limit
 * @param maxTime the run's wall time at most (real threads only); null for no limit
 * @param minThroughput actions per second at least (real threads only); 0 for no limit
 * @param latencyBounds per action, a percentile of its latency at most (real threads only)
 * @param timeout a real-thread run that has not ended by then fails, saying which threads were
 *     still running (default 5 s)
 * @param callTimeout a script's action that took longer fails the run (real threads only; default
 *     1 s); the action is not stopped, which Java cannot do safely, only reported
 * @param listeners told of each event as it happens (telemetry)
 * @param defaultKind what a bare operation ({@link Action#of}) is: a call (the default) or a cast
 */
public record ScenarioOptions<T>(Invariant<T> invariant, Consumer<? super T> cleanup,
    Map<String, String> metadata, List<Chaos<T>> chaos, int maxMailboxDepth, Duration maxTime,
    double minThroughput, List<LatencyBound> latencyBounds, Duration timeout,
    Duration callTimeout, List<ScenarioListener> listeners, Action.Kind defaultKind) {

  public ScenarioOptions {
    Objects.requireNonNull(invariant, "invariant");
    Objects.requireNonNull(cleanup, "cleanup");
    metadata = Map.copyOf(metadata);
    chaos = List.copyOf(chaos);
    latencyBounds = List.copyOf(latencyBounds);
    listeners = List.copyOf(listeners);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(defaultKind, "defaultKind");
    if (maxMailboxDepth < -1) {
      throw new IllegalArgumentException("maxMailboxDepth must be -1 (no limit) or at least 0");
    }
  }

  /** A check of the target once the threads have ended. */
  @FunctionalInterface
  public interface Invariant<T> {
    void check(T target, ScenarioContext context) throws Exception;
  }

  /**
   * The latency of an action's calls at a percentile, at most.
   *
   * @param action the action's name
   * @param percentile in (0, 100], e.g. 99
   * @param max the bound
   */
  public record LatencyBound(String action, double percentile, Duration max) {
    public LatencyBound {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(max, "max");
      if (!(percentile > 0 && percentile <= 100)) {
        throw new IllegalArgumentException("a percentile is in (0, 100], not " + percentile);
      }
    }
  }

  /**
   * These options with {@code bounds} added: each bound of either must hold (the stricter time and
   * throughput, the latency bounds of both).
   */
  ScenarioOptions<T> with(PerformanceBounds bounds) {
    Duration time = maxTime == null ? bounds.maxTime()
        : bounds.maxTime() == null || maxTime.compareTo(bounds.maxTime()) <= 0 ? maxTime
        : bounds.maxTime();
    List<LatencyBound> latencies = new ArrayList<>(latencyBounds);
    latencies.addAll(bounds.latencies());
    return new ScenarioOptions<>(invariant, cleanup, metadata, chaos, maxMailboxDepth, time,
        Math.max(minThroughput, bounds.minThroughput()), latencies, timeout, callTimeout,
        listeners, defaultKind);
  }

  /** These options with {@code more} merged into the metadata; {@code more} wins on a clash. */
  ScenarioOptions<T> withMetadata(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(metadata);
    merged.putAll(more);
    return new ScenarioOptions<>(invariant, cleanup, merged, chaos, maxMailboxDepth, maxTime,
        minThroughput, latencyBounds, timeout, callTimeout, listeners, defaultKind);
  }

  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /** The defaults: no invariant, no chaos, no expectations. */
  public static <T> ScenarioOptions<T> defaults() {
    return new Builder<T>().build();
  }

  /** Builds {@link ScenarioOptions}. */
  public static final class Builder<T> {
    private Invariant<T> invariant = (target, context) -> { };
    private Consumer<? super T> cleanup = target -> { };
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<Chaos<T>> chaos = new ArrayList<>();
    private int maxMailboxDepth = -1;
    private Duration maxTime;
    private double minThroughput;
    private final List<LatencyBound> latencyBounds = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(5);
    private Duration callTimeout = Duration.ofSeconds(1);
    private Action.Kind defaultKind = Action.Kind.CALL;
    private final List<ScenarioListener> listeners = new ArrayList<>();

    private Builder() {}

    public Builder<T> invariant(Invariant<T> invariant) {
      this.invariant = Objects.requireNonNull(invariant, "invariant");
      return this;
    }

    public Builder<T> cleanup(Consumer<? super T> cleanup) {
      this.cleanup = Objects.requireNonNull(cleanup, "cleanup");
      return this;
    }

    public Builder<T> metadata(String key, String value) {
      metadata.put(key, value);
      return this;
    }

    @SafeVarargs
    public final Builder<T> chaos(Chaos<T>... chaos) {
      this.chaos.addAll(List.of(chaos));
      return this;
    }

    public Builder<T> maxMailboxDepth(int depth) {
      this.maxMailboxDepth = depth;
      return this;
    }

    public Builder<T> maxTime(Duration maxTime) {
      this.maxTime = maxTime;
      return this;
    }

    public Builder<T> minThroughput(double actionsPerSecond) {
      this.minThroughput = actionsPerSecond;
      return this;
    }

    public Builder<T> maxLatency(String action, double percentile, Duration max) {
      latencyBounds.add(new LatencyBound(action, percentile, max));
      return this;
    }

    public Builder<T> timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder<T> callTimeout(Duration callTimeout) {
      this.callTimeout = callTimeout;
      return this;
    }

    public Builder<T> defaultKind(Action.Kind kind) {
      this.defaultKind = kind;
      return this;
    }

    /** Adds a telemetry listener, e.g. {@link ScenarioListener#flightRecorder()}. */
    public Builder<T> listener(ScenarioListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    public ScenarioOptions<T> build() {
      return new ScenarioOptions<>(invariant, cleanup, metadata, chaos, maxMailboxDepth, maxTime,
          minThroughput, latencyBounds, timeout, callTimeout, listeners, defaultKind);
    }
  }
}
