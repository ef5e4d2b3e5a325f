package dev.weft.testbench.bench.jmh;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What Weft's hooks cost when no exploration runs: {@link JmhMain} runs these once in a plain JVM
 * and once under Weft's agent, which rewrites this class (the agent's hooks then cost one volatile
 * read each, by design). JMH's own classes are excluded from the agent so that its measuring loop
 * is the same in both runs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HookBench {
  private final Object lock = new Object();
  private int counter;
  private volatile int shared = 1;
  private final AtomicInteger atomic = new AtomicInteger();

  /** One uncontended {@code synchronized} block around an increment. */
  @Benchmark
  public int monitorEnterExit() {
    synchronized (lock) {
      return ++counter;
    }
  }

  /** One read of a volatile field. */
  @Benchmark
  public int volatileRead() {
    return shared;
  }

  /**
   * A small compute workload of the kind the agent rewrites most: objects allocated and hashed by
   * identity in a {@code HashMap}, arithmetic, and a call into an atomic.
   */
  @Benchmark
  public long computeWorkload() {
    Map<Object, Integer> map = new HashMap<>();
    long sum = 0;
    for (int i = 0; i < 64; i++) {
      Object key = new Object();
      map.put(key, i);
      sum += map.get(key) * 31L + (i ^ (sum >>> 3));
    }
    return sum + atomic.incrementAndGet();
  }

  /** The loop's own cost, to read the others against. */
  @Benchmark
  public int baseline() {
    return counter;
  }
}
