package dev.weft.explorer.property;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.Weft;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A concurrent property: for each input, several threads make the same call at once on one shared
 * object, and every interleaving Weft explores must give outcomes equivalent to making the calls
 * one after another. Made by {@link Properties#forAllConcurrent}; configure it, then {@link
 * #check()}.
 *
 * <pre>{@code
 * ConcurrentTestResult<Integer, Integer> r = Properties
 *     .forAllConcurrent(Gen.ints(1, 5), 2, Counter::new, Counter::addAndGet)
 *     .withTests(20)
 *     .withOptions(Options.builder().strategy(StrategyKind.PCT).iterations(200).build())
 *     .check();
 * r.assertDeterministic(); // AssertionError: the input, the outcomes, the trace, the schedule
 * }</pre>
 *
 * <p>Each input (the examples first, then generated ones as in {@link ForAll}) is explored with the
 * options: its strategy, and its iterations as the budget of executions per input; test {@code t}
 * (from 0) with exploration seed {@code options.seed() + t}. Every input is explored, so {@link
 * ConcurrentTestResult#raceConditionsDetected()} counts them all. The first input that differs is
 * then shrunk, each candidate explored with the same seed and kept if it still differs: first to the
 * fewest threads that still differ (from 2 up), then to a smaller input at that thread count; the
 * smallest is explored once more, with the options' own schedule shrinking (fewest preemptions),
 * for the report.
 *
 * <p>Public API since 0.2. One exploration runs at a time in a JVM, so the inputs are explored one
 * after another.
 */
public final class ForAllConcurrent<S, T, R> {
  private final Gen<T> gen;
  private final int threads;
  private final Supplier<? extends S> shared;
  private final ConcurrentOperation<? super S, ? super T, ? extends R> operation;
  private int tests = 20;
  private long seed = Options.defaults().seed();
  private final List<T> examples = new ArrayList<>();
  private Options options = Options.builder().iterations(200).build();
  private Equivalence<R> equivalence = Equivalence.sameOutcomesInAnyOrder();
  private int shrinkRuns = 100;

  ForAllConcurrent(Gen<T> gen, int threads, Supplier<? extends S> shared,
      ConcurrentOperation<? super S, ? super T, ? extends R> operation) {
    if (threads < 2) {
      throw new IllegalArgumentException("forAllConcurrent needs at least 2 threads, was " + threads
          + "; for one thread use forAll");
    }
    this.gen = Objects.requireNonNull(gen, "gen");
    this.threads = threads;
    this.shared = Objects.requireNonNull(shared, "shared");
    this.operation = Objects.requireNonNull(operation, "operation");
  }

  /** Generated inputs to explore, at least 1; 20 by default. */
  public ForAllConcurrent<S, T, R> withTests(int n) {
    if (n < 1) throw new IllegalArgumentException("withTests needs at least 1 test, was " + n);
    tests = n;
    return this;
  }

  /** The seed inputs are drawn from; {@code weft.seed}, else 1, by default. */
  public ForAllConcurrent<S, T, R> withSeed(long s) {
    seed = s;
    return this;
  }

  /** Inputs to explore first, in this order; they do not shrink. */
  @SafeVarargs
  public final ForAllConcurrent<S, T, R> withExamples(T... values) {
    examples.addAll(List.of(values));
    return this;
  }

  /**
   * How each input is explored: the strategy, the executions per input ({@code iterations}), the
   * time limit per exploration, schedule shrinking; 200 iterations and otherwise Weft's defaults.
   */
  public ForAllConcurrent<S, T, R> withOptions(Options o) {
    options = Objects.requireNonNull(o, "options");
    return this;
  }

  /** When outcomes count as the same; {@link Equivalence#sameOutcomesInAnyOrder()} by default. */
  public ForAllConcurrent<S, T, R> withEquivalence(Equivalence<R> e) {
    equivalence = Objects.requireNonNull(e, "equivalence");
    return this;
  }

  /**
   * Candidates shrinking may explore at most, thread counts and smaller inputs together; 100 by
   * default, 0 to report as found.
   */
  public ForAllConcurrent<S, T, R> withShrinkRuns(int runs) {
    if (runs < 0) throw new IllegalArgumentException("withShrinkRuns must be >= 0, was " + runs);
    shrinkRuns = runs;
    return this;
  }

  /**
   * The body one execution of {@code input} runs, for {@link Weft#replay}: a fresh shared object,
   * the threads' calls, and the comparison with the sequential run (made now).
   */
  public Body body(T input) {
    return body(input, threads);
  }

  /**
   * {@link #body(Object)} with {@code threads} threads instead of the property's: the body of a
   * failure whose thread count was shrunk ({@link Difference#shrunkThreads()}).
   *
   * @throws IllegalArgumentException when {@code threads < 2}
   */
  public Body body(T input, int threads) {
    if (threads < 2) {
      throw new IllegalArgumentException("a concurrent body needs at least 2 threads, was "
          + threads);
    }
    return run(input, threads).body();
  }

  /**
   * Explores every input, then shrinks the first that differs.
   *
   * @throws IllegalStateException when the generator fails (e.g. an exhausted filter)
   */
  public ConcurrentTestResult<T, R> check() {
    long started = System.nanoTime();
    Inputs<T> inputs = new Inputs<>(gen, examples, seed, tests);
    int total = inputs.total();
    int detected = 0;
    int executions = 0;
    int firstTest = -1;
    Tree<T> firstInput = null;
    for (int t = 0; t < total; t++) {
      Tree<T> input = inputs.tree(t);
      ExplorationResult r = explore(input.value(), t, false);
      executions += r.executions();
      if (r.failure().isPresent()) {
        detected++;
        if (firstTest < 0) {
          firstTest = t;
          firstInput = input;
        }
      }
    }
    Optional<Difference<T, R>> difference = firstTest < 0 ? Optional.empty()
        : Optional.of(difference(firstTest, firstInput));
    return new ConcurrentTestResult<>(total, detected, executions, difference, seed,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private Difference<T, R> difference(int t, Tree<T> input) {
    int fewest = threads;
    int tried = 0;
    // Ascending, so the first count that differs is the fewest; a race needs 2 more often than not.
    for (int k = 2; k < threads && tried < shrinkRuns; k++) {
      tried++;
      if (differs(input.value(), k, t)) {
        fewest = k;
        break;
      }
    }
    int at = fewest;
    InputShrinker.Shrunk<T, Boolean> s = InputShrinker.shrink(input, true,
        v -> differs(v, at, t) ? Optional.of(true) : Optional.empty(), shrinkRuns - tried);
    ConcurrentRun<S, T, R> run = run(s.value(), fewest);
    ExplorationResult reported = explore(run, t, options.shrink());
    Failure failure = reported.failure().orElseThrow(() -> new IllegalStateException(
        "input " + s.value() + " differed while shrinking but not when explored again with the"
            + " same seed: the program is not deterministic under a fixed schedule"));
    Weft.replay(failure.schedule(), run.body()); // its outcomes per thread, from the schedule shown
    return new Difference<>(t + 1, input.value(), s.value(), s.steps(), threads, fewest,
        run.sequential(), run.last(), failure);
  }

  private boolean differs(T input, int threadCount, int t) {
    return explore(run(input, threadCount), t, false).failure().isPresent();
  }

  private ExplorationResult explore(T input, int t, boolean shrinkSchedule) {
    return explore(run(input, threads), t, shrinkSchedule);
  }

  private ExplorationResult explore(ConcurrentRun<S, T, R> run, int t, boolean shrinkSchedule) {
    Options o = options.toBuilder().seed(options.seed() + t).shrink(shrinkSchedule)
        .testName(options.testName() != null ? options.testName() : "forAllConcurrent").build();
    return Weft.exploreInterleavings(o, run.body());
  }

  private ConcurrentRun<S, T, R> run(T input, int threadCount) {
    return new ConcurrentRun<>(input, threadCount, shared, operation, equivalence,
        options.detectRaces());
  }
}
