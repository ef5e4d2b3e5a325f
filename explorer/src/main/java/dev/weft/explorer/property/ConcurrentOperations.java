package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates {@link ConcurrentWorkload}s: weighted operations on a shared target, spread over
 * threads as a {@link ThreadDistribution} says. Made by {@link Gen#concurrentOperations()}.
 *
 * <pre>{@code
 * Gen<ConcurrentWorkload<Counter>> workloads = Gen.<Counter>concurrentOperations()
 *     .operation(0.7, read).operation(0.2, write).operation(0.1, admin)
 *     .threads(new ThreadDistribution(2, 4, 1, 5))
 *     .gen();
 * }</pre>
 *
 * <p>Each call is operation {@code k} with probability its weight over the total, independently of
 * the others. A workload shrinks, each step keeping the failure, to fewer threads first, then to
 * fewer operations in a thread, then to smaller calls: toward the first operation given, and
 * smaller arguments. So give the cheapest, least interesting operation (a read) first.
 *
 * <p>Public API since 0.2. Immutable: every method returns a new builder.
 */
public final class ConcurrentOperations<S> {
  private final List<WorkloadOperation<S>> operations;
  private final List<Double> weights;
  private final ThreadDistribution distribution;

  private ConcurrentOperations(List<WorkloadOperation<S>> operations, List<Double> weights,
      ThreadDistribution distribution) {
    this.operations = List.copyOf(operations);
    this.weights = List.copyOf(weights);
    this.distribution = distribution;
  }

  static <S> ConcurrentOperations<S> empty() {
    return new ConcurrentOperations<>(List.of(), List.of(), ThreadDistribution.DEFAULT);
  }

  /**
   * Adds {@code operation}, chosen with probability {@code weight} over the sum of the weights.
   *
   * @throws IllegalArgumentException when the weight is not a positive finite number, or another
   *     operation has the same name
   */
  public ConcurrentOperations<S> operation(double weight, WorkloadOperation<S> operation) {
    Objects.requireNonNull(operation, "operation");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("operation '" + operation.name()
          + "' needs a positive, finite weight, was " + weight);
    }
    if (operations.stream().anyMatch(o -> o.name().equals(operation.name()))) {
      throw new IllegalArgumentException("the workload has an operation named '"
          + operation.name() + "' already; give each operation its own name");
    }
    List<WorkloadOperation<S>> more = new ArrayList<>(operations);
    more.add(operation);
    List<Double> moreWeights = new ArrayList<>(weights);
    moreWeights.add(weight);
    return new ConcurrentOperations<>(more, moreWeights, distribution);
  }

  /** How many threads, and operations per thread; {@link ThreadDistribution#DEFAULT} by default. */
  public ConcurrentOperations<S> threads(ThreadDistribution d) {
    return new ConcurrentOperations<>(operations, weights, Objects.requireNonNull(d, "distribution"));
  }

  /**
   * The generator of workloads.
   *
   * @throws IllegalStateException when no operation was added
   */
  public Gen<ConcurrentWorkload<S>> gen() {
    if (operations.isEmpty()) {
      throw new IllegalStateException("a workload needs operations: add them with"
          + " operation(weight, WorkloadOperation.of(name, action)) before gen()");
    }
    Gen<Call<S>> call = pick().flatMap(k -> operations.get(k).calls());
    ThreadDistribution d = distribution;
    return new Gen<>((size, seed) -> Shrinks.nested(threads(call, d.minThreads(), d.maxThreads(),
            d.minOperations(), d.maxOperations(), size, seed), d.minThreads(), d.minOperations())
        .map(ConcurrentWorkload::new));
  }

  /**
   * The call trees of {@code minThreads} to {@code maxThreads} threads of {@code minOperations} to
   * {@code maxOperations} calls each, both growing with {@code size} as a list's length does.
   */
  static <S> List<List<Tree<Call<S>>>> threads(Gen<Call<S>> call, int minThreads, int maxThreads,
      int minOperations, int maxOperations, int size, Seed seed) {
    Seed[] s = seed.split();
    int threads = (int) s[0].nextLong(minThreads, Gen.scale(minThreads, maxThreads, size));
    List<List<Tree<Call<S>>>> calls = new ArrayList<>(threads);
    for (int t = 0; t < threads; t++) {
      Seed[] ts = s[1].child(t).split();
      int n = (int) ts[0].nextLong(minOperations, Gen.scale(minOperations, maxOperations, size));
      List<Tree<Call<S>>> ops = new ArrayList<>(n);
      for (int i = 0; i < n; i++) ops.add(call.generate(size, ts[1].child(i)));
      calls.add(ops);
    }
    return calls;
  }

  /**
   * The index of an operation, each with probability its weight over the total, whatever the size;
   * shrinks toward the first. A uniform double in [0, total) from the seed's top 53 bits falls in
   * one operation's share.
   */
  private Gen<Integer> pick() {
    double total = weights.stream().mapToDouble(Double::doubleValue).sum();
    return new Gen<>((size, seed) -> {
      double r = (seed.nextLong() >>> 11) * 0x1.0p-53 * total;
      int k = 0;
      while (k < weights.size() - 1 && r >= weights.get(k)) r -= weights.get(k++);
      return Shrinks.integral(0, k).map(Long::intValue);
    });
  }
}
