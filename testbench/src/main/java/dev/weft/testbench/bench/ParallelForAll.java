package dev.weft.testbench.bench;

import dev.weft.explorer.property.Gen;
import dev.weft.explorer.property.Properties;
import dev.weft.explorer.property.PropertyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code forAll(...).withParallelThreads(2)} gains over one thread on a CPU-bound property:
 * the number of primes below n, counted by trial division, equals a sieve's count. Rounds alternate
 * one and two threads, after a warm-up of each, so that load from elsewhere on a shared machine
 * falls on both alike; each round checks that both gave the same verdict and test count. No agent:
 * forAll runs no exploration.
 *
 * <pre>
 * java -cp "testbench/target/classes:$(cat testbench/target/bench.classpath)" \
 *     dev.weft.testbench.bench.ParallelForAll 400 5
 * </pre>
 *
 * Arguments: tests per run (400), rounds (5).
 */
public final class ParallelForAll {
  private ParallelForAll() {}

  public static void main(String[] args) {
    int tests = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    run(tests, 1);
    run(tests, 2);
    List<Double> ratios = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      double one = run(tests, 1);
      double two = run(tests, 2);
      ratios.add(one / two);
      System.out.printf(Locale.ROOT, "round %d: 1 thread %.2f s, 2 threads %.2f s, speed-up %.2f%n",
          r, one, two, one / two);
    }
    ratios.sort(null);
    System.out.printf(Locale.ROOT, "median speed-up over %d rounds of %d tests: %.2f%n", rounds,
        tests, ratios.get(ratios.size() / 2));
  }

  /** Seconds one check took with {@code threads} threads. */
  private static double run(int tests, int threads) {
    long start = System.nanoTime();
    PropertyResult<Integer> r = Properties
        .forAll(Gen.ints(20_000, 60_000), n -> {
          if (byTrialDivision(n) != bySieve(n)) throw new AssertionError("counts differ at " + n);
        })
        .withTests(tests).withParallelThreads(threads).check();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!r.passed() || r.tests() != tests) throw new IllegalStateException(r.report());
    return seconds;
  }

  private static int byTrialDivision(int n) {
    int count = 0;
    for (int k = 2; k < n; k++) {
      boolean prime = true;
      for (int d = 2; d * d <= k && prime; d++) prime = k % d != 0;
      if (prime) count++;
    }
    return count;
  }

  private static int bySieve(int n) {
    boolean[] composite = new boolean[n];
    int count = 0;
    for (int k = 2; k < n; k++) {
      if (composite[k]) continue;
      count++;
      for (long m = (long) k * k; m < n; m += k) composite[(int) m] = true;
    }
    return count;
  }
}
