package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A generated concurrent program: for each thread, the operations it runs one after another on a
 * shared target. Made by {@link Gen#concurrentOperations()}; run by {@link
 * Properties#forAllWorkloads}, or turned into a {@link ConcurrentScenario} with {@link #scenario}.
 *
 * <p>Public API since 0.2. Never null; {@code threads} and each of its lists are unmodifiable.
 *
 * @param threads the calls of each thread, thread {@code t1} first
 */
public record ConcurrentWorkload<S>(List<List<Call<S>>> threads) {
  public ConcurrentWorkload {
    threads = threads.stream().map(List::copyOf).toList();
  }

  /** The number of threads. */
  public int threadCount() {
    return threads.size();
  }

  /** How many operations each thread runs, {@code t1} first. */
  public List<Integer> operationsPerThread() {
    return threads.stream().map(List::size).toList();
  }

  /** Every call, thread by thread. */
  public List<Call<S>> calls() {
    return threads.stream().flatMap(List::stream).toList();
  }

  /** The name of thread {@code i} (from 0) in the scenario and the trace: {@code t1}, {@code t2}, ... */
  public static String threadName(int i) {
    return "t" + (i + 1);
  }

  /**
   * A scenario whose threads {@code t1}, {@code t2}, ... each run their calls in order on the state
   * {@code setup} makes afresh for each execution. A thread's result in the trace is the list of its
   * calls' results; when a call throws, the thread stops there and its outcome is what it threw.
   */
  public ConcurrentScenario<S> scenario(Supplier<? extends S> setup) {
    ConcurrentScenario<S> scenario = ConcurrentScenario.setup(Objects.requireNonNull(setup, "setup"));
    for (int i = 0; i < threads.size(); i++) {
      List<Call<S>> calls = threads.get(i);
      scenario = scenario.thread(threadName(i), target -> {
        List<Object> results = new ArrayList<>(calls.size());
        for (Call<S> c : calls) results.add(c.action().apply(target));
        return results;
      });
    }
    return scenario;
  }

  /** {@code [t1: add(1), get(); t2: add(1)]}. */
  @Override
  public String toString() {
    List<String> shown = new ArrayList<>();
    for (int i = 0; i < threads.size(); i++) {
      shown.add(threadName(i) + ": " + threads.get(i).stream().map(Call::toString)
          .collect(Collectors.joining(", ")));
    }
    return "[" + String.join("; ", shown) + "]";
  }
}
