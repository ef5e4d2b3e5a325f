package dev.weft.explorer.property;

import dev.weft.explorer.api.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A property checked for many inputs: configure it, then {@link #check()}. Made by {@link
 * Properties#forAll}.
 *
 * <p>Test {@code i} (from 0, after the examples) draws its input from the {@code i}-th split of
 * the seed, at a size that grows from 0 to 99 over the tests; so its input depends on the seed and
 * {@code i} alone. The tests are run in parallel when asked, but the failure reported is always the
 * one with the smallest test number, so the verdict, the counterexample, the counts and the labels
 * do not depend on the number of threads or on the distribution.
 *
 * <p>Public API since 0.2. Not thread-safe while being configured; {@link #check()} may be called
 * more than once, and gives the same result each time for a deterministic property.
 */
public final class ForAll<T> {
  private final Gen<T> gen;
  private final Properties.CheckWithContext<? super T> property;
  private int tests = 100;
  private long seed = Options.defaults().seed();
  private final List<T> examples = new ArrayList<>();
  private int threads = 1;
  private WorkDistribution distribution = WorkDistribution.ROUND_ROBIN;
  private int shrinkRuns = 1_000;
  /** Labels with the share of tests, 0 to 100, that must carry them; in the order given. */
  private final Map<String, Double> covers = new LinkedHashMap<>();
  private final List<Classifier<T>> coverLabels = new ArrayList<>();

  ForAll(Gen<T> gen, Properties.CheckWithContext<? super T> property) {
    this.gen = Objects.requireNonNull(gen, "gen");
    this.property = Objects.requireNonNull(property, "property");
  }

  /** Generated inputs to test, at least 1; 100 by default. */
  public ForAll<T> withTests(int n) {
    if (n < 1) throw new IllegalArgumentException("withTests needs at least 1 test, was " + n);
    tests = n;
    return this;
  }

  /** The seed inputs are drawn from; {@code weft.seed}, else 1, by default. */
  public ForAll<T> withSeed(long s) {
    seed = s;
    return this;
  }

  /** Inputs to test first, in this order, before the generated ones; they do not shrink. */
  @SafeVarargs
  public final ForAll<T> withExamples(T... values) {
    examples.addAll(List.of(values));
    return this;
  }

  /** Real threads that run tests at once, at least 1; 1 (the caller's) by default. */
  public ForAll<T> withParallelThreads(int k) {
    if (k < 1) throw new IllegalArgumentException("withParallelThreads needs at least 1, was " + k);
    threads = k;
    return this;
  }

  /** How tests are handed to the threads; {@link WorkDistribution#ROUND_ROBIN} by default. */
  public ForAll<T> withWorkDistribution(WorkDistribution d) {
    distribution = Objects.requireNonNull(d, "distribution");
    return this;
  }

  /** Candidate inputs shrinking may try at most; 1000 by default, 0 to report as found. */
  public ForAll<T> withShrinkRuns(int runs) {
    if (runs < 0) throw new IllegalArgumentException("withShrinkRuns must be >= 0, was " + runs);
    shrinkRuns = runs;
    return this;
  }

  /**
   * Labels each test whose input satisfies {@code predicate} with {@code label}, as {@link
   * TestContext#classify} would, and requires at least {@code minPercent} of the tests to carry it:
   * a run where every test passed but fewer did ends {@link PropertyResult.Status#INSUFFICIENT_COVERAGE},
   * with the table of labels. The share is counted over the tests run, not tested statistically,
   * so ask for a little less than the generator gives.
   *
   * @throws IllegalArgumentException when {@code minPercent} is outside 0..100, or {@code label}
   *     is blank or already required
   */
  public ForAll<T> cover(double minPercent, String label, Predicate<? super T> predicate) {
    Objects.requireNonNull(predicate, "predicate");
    Coverage.require(covers, minPercent, label);
    coverLabels.add(new Classifier<>(label, predicate));
    return this;
  }

  /**
   * Runs the examples, then generated inputs until {@code tests} of them were not discarded, a
   * test fails, or ten times as many tests as asked for were discarded; shrinks a failing input.
   *
   * @throws IllegalStateException when the generator fails (e.g. an exhausted filter), with its
   *     message
   */
  public PropertyResult<T> check() {
    long started = System.nanoTime();
    Inputs<T> inputs = new Inputs<>(gen, examples, seed, tests);
    int target = inputs.total();
    int maxDiscards = 10 * target;
    int passed = 0;
    int discarded = 0;
    List<List<String>> labels = new ArrayList<>();
    int start = 0;
    while (passed < target && discarded <= maxDiscards) {
      int end = start + (target - passed);
      List<TestRun<T>> runs =
          ParallelTests.run(start, end, threads, distribution, t -> runTest(inputs, t),
              TestRun::stops);
      for (int k = 0; k < runs.size(); k++) {
        TestRun<T> run = runs.get(k);
        switch (run.kind()) {
          case PASSED -> {
            passed++;
            labels.add(run.labels());
          }
          case DISCARDED -> discarded++;
          case FAILED -> {
            labels.add(run.labels());
            Counterexample<T> c = shrink(start + k + 1, run);
            LabelTable table = LabelTable.of(labels);
            return new PropertyResult<>(PropertyResult.Status.FAILED, passed + 1, discarded,
                Optional.of(c), seed, table, coverage(table), since(started));
          }
          case GENERATION_FAILED -> throw (RuntimeException) run.error();
        }
        if (discarded > maxDiscards) break;
      }
      start = end;
    }
    LabelTable table = LabelTable.of(labels);
    List<Coverage> coverage = coverage(table);
    PropertyResult.Status status = passed < target ? PropertyResult.Status.GAVE_UP
        : coverage.stream().allMatch(Coverage::met) ? PropertyResult.Status.PASSED
        : PropertyResult.Status.INSUFFICIENT_COVERAGE;
    return new PropertyResult<>(status, passed, discarded, Optional.empty(), seed, table, coverage,
        since(started));
  }

  private List<Coverage> coverage(LabelTable table) {
    return Coverage.of(covers, table, "tests");
  }

  private TestRun<T> runTest(Inputs<T> inputs, int t) {
    Tree<T> input;
    try {
      input = inputs.tree(t);
    } catch (RuntimeException e) {
      return TestRun.generationFailed(e);
    }
    return TestRun.of(input, (value, context) -> {
      for (Classifier<T> c : coverLabels) context.classify(c.label(), c.predicate().test(value));
      property.check(value, context);
    });
  }

  /** A label that {@link #cover} gives the inputs satisfying its predicate. */
  private record Classifier<T>(String label, Predicate<? super T> predicate) {}

  private Counterexample<T> shrink(int test, TestRun<T> failing) {
    InputShrinker.Shrunk<T, Throwable> s = InputShrinker.shrink(failing.input(), failing.error(),
        value -> {
          TestRun<T> r = TestRun.of(Tree.leaf(value), property);
          return r.kind() == TestRun.Kind.FAILED ? Optional.of(r.error()) : Optional.empty();
        }, shrinkRuns);
    return new Counterexample<>(test, failing.input().value(), s.value(), s.steps(), s.evidence());
  }

  private static Duration since(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
