package dev.weft.testbench.bench.jmh;

import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.SchedulingView;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Scheduling points inside an execution, under Weft's agent only ({@link JmhMain} runs it there).
 * Each benchmark runs one whole execution; {@link OperationsPerInvocation} divides its time by the
 * scheduling points it makes, so the score still includes the execution's fixed cost spread over
 * them: {@link #emptyExecution} measures that cost, and {@link JmhMain} subtracts it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchedulingBench {
  /** Volatile reads of the benchmark without a switch: large, to spread the execution's cost. */
  static final int POINTS = 100_000;
  /** Volatile reads of the benchmark with a switch at each (half per thread). */
  static final int SWITCHES = 2_000;

  private static final ExecutionConfig CONFIG =
      new ExecutionConfig(10 * POINTS, TimeUnit.SECONDS.toNanos(60), false, false);

  private final Strategy random = new RandomWalk();
  private final Strategy alternate = new Alternate();
  private long seed;

  /** An execution whose only thread does nothing: start, end, and the handing over of both. */
  @Benchmark
  public int emptyExecution() {
    return run(random, () -> {});
  }

  /** A scheduling point where one thread alone is enabled: the strategy is not even asked. */
  @Benchmark
  @OperationsPerInvocation(POINTS)
  public int pointWithoutSwitch() {
    return run(random, () -> Reads.read(new Reads(), POINTS));
  }

  /** Two threads reading in turns: every scheduling point hands the turn to the other thread. */
  @Benchmark
  @OperationsPerInvocation(SWITCHES)
  public int contextSwitch() {
    return run(alternate, () -> {
      Reads shared = new Reads();
      Thread other = new Thread(() -> Reads.read(shared, SWITCHES / 2));
      other.start();
      Reads.read(shared, SWITCHES / 2);
      other.join();
    });
  }

  private int run(Strategy strategy, dev.weft.scheduler.runtime.Task task) {
    ExecutionResult r = Scheduler.execute(CONFIG, strategy, ++seed, task);
    if (r.outcome() != Outcome.PASSED) {
      throw new IllegalStateException("benchmark execution " + r.outcome() + ": " + r.report()
          + " (is Weft's agent on the fork's JVM?)");
    }
    return r.steps();
  }

  /** The field the controlled threads read; instrumented, being outside JMH's packages. */
  static final class Reads {
    volatile int value = 1;

    static int read(Reads r, int times) {
      int sum = 0;
      for (int i = 0; i < times; i++) sum += r.value;
      return sum;
    }
  }

  /** Always runs a thread other than the current one when there is one. */
  static final class Alternate implements Strategy {
    @Override
    public void beginExecution(long seed) {}

    @Override
    public int pickThread(SchedulingView view) {
      for (int i = 0; i < view.enabledCount(); i++) {
        if (view.enabled(i) != view.current()) return view.enabled(i);
      }
      return view.enabled(0);
    }

    @Override
    public int pickValue(ChoiceKind kind, int bound) {
      return 0;
    }
  }
}
