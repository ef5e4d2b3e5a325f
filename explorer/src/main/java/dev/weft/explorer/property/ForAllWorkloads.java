package dev.weft.explorer.property;

import dev.weft.explorer.api.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generated {@link ConcurrentWorkload}s, each run as a {@link ConcurrentScenario} under Weft's
 * scheduler against a shared target, with a check of every execution. Made by {@link
 * Properties#forAllWorkloads}; configure it, then {@link #check()}.
 *
 * <pre>{@code
 * WorkloadResult<Counter> r = Properties
 *     .forAllWorkloads(workloads, Counter::new, (workload, trace) ->
 *         assertEquals(workload.calls().stream()...sum(), trace.finalState().total()))
 *     .withTests(20)
 *     .check();
 * r.assertHolds(); // AssertionError: the shrunk workload, the trace, the schedule to replay
 * }</pre>
 *
 * <p>Test {@code t} (from 0) draws its workload as {@link ForAll} draws inputs and explores it as
 * {@link Properties#forAllInterleavings} does, with exploration seed {@code options.seed() + t}.
 * The first workload that fails is shrunk along its tree (fewer threads, then fewer operations per
 * thread, then smaller calls), each candidate explored with the same seed and kept if it still
 * fails; the smallest is explored once more with the options' schedule shrinking (fewest
 * preemptions), and its failure replayed to read the threads' results.
 *
 * <p>Public API since 0.2. Not thread-safe while being configured; one exploration runs at a time
 * in a JVM, so workloads are explored one after another.
 */
public final class ForAllWorkloads<S> {
  /** A check of one execution of a workload: fails by throwing, e.g. a failed assertion. */
  @FunctionalInterface
  public interface WorkloadCheck<S> {
    void check(ConcurrentWorkload<S> workload, ExecutionTrace<S> trace) throws Throwable;
  }

  private final Gen<ConcurrentWorkload<S>> gen;
  private final Supplier<? extends S> setup;
  private final WorkloadCheck<S> check;
  private int tests = 20;
  private long seed = Options.defaults().seed();
  private SchedulingStrategy strategy = SchedulingStrategy.RANDOM;
  private Options options = Options.builder().iterations(200).build();
  private int shrinkRuns = 100;
  private final ExecutionLabels<S> labels = new ExecutionLabels<>();

  ForAllWorkloads(Gen<ConcurrentWorkload<S>> gen, Supplier<? extends S> setup,
      WorkloadCheck<S> check) {
    this.gen = Objects.requireNonNull(gen, "gen");
    this.setup = Objects.requireNonNull(setup, "setup");
    this.check = Objects.requireNonNull(check, "check");
  }

  /** Generated workloads to explore, at least 1; 20 by default. */
  public ForAllWorkloads<S> withTests(int n) {
    if (n < 1) throw new IllegalArgumentException("withTests needs at least 1 test, was " + n);
    tests = n;
    return this;
  }

  /** The seed workloads are drawn from; {@code weft.seed}, else 1, by default. */
  public ForAllWorkloads<S> withSeed(long s) {
    seed = s;
    return this;
  }

  /**
   * How each workload's interleavings are chosen; {@link SchedulingStrategy#RANDOM} by default,
   * since a generated workload is usually too large to search systematically within a small budget.
   */
  public ForAllWorkloads<S> withStrategy(SchedulingStrategy s) {
    strategy = Objects.requireNonNull(s, "strategy");
    return this;
  }

  /**
   * How each workload is explored: {@code iterations} as the executions per workload (200 by
   * default), the time limit, schedule shrinking; their strategy is replaced by {@link
   * #withStrategy}'s and their seed offset by the test number.
   */
  public ForAllWorkloads<S> withOptions(Options o) {
    options = Objects.requireNonNull(o, "options");
    return this;
  }

  /** Smaller workloads shrinking may explore at most; 100 by default, 0 to report as found. */
  public ForAllWorkloads<S> withShrinkRuns(int runs) {
    if (runs < 0) throw new IllegalArgumentException("withShrinkRuns must be >= 0, was " + runs);
    shrinkRuns = runs;
    return this;
  }

  /**
   * Labels each explored execution for which {@code condition} holds (given the workload and the
   * execution's trace) with {@code label}: how often a race, an empty poll or a timeout occurred.
   * The result and its report show the share of executions that carried each label. Executions
   * are counted over the workloads that passed: a failing workload's exploration is replayed to
   * report it, which would count its failing execution twice.
   *
   * @throws IllegalArgumentException when {@code label} is blank
   */
  public ForAllWorkloads<S> classify(String label,
      java.util.function.BiPredicate<? super ConcurrentWorkload<S>, ? super ExecutionTrace<S>>
          condition) {
    labels.classify(label, condition::test);
    return this;
  }

  /**
   * As {@link #classify}, and requires at least {@code minPercent} of the executions to carry the
   * label: a run whose workloads all passed but whose executions carried it less often does not
   * pass, and its report names the shortfall above the table. The share is counted, not tested
   * statistically, so ask for a little less than the workloads give.
   *
   * @throws IllegalArgumentException when {@code minPercent} is outside 0..100, or {@code label}
   *     is blank or already required
   */
  public ForAllWorkloads<S> cover(double minPercent, String label,
      java.util.function.BiPredicate<? super ConcurrentWorkload<S>, ? super ExecutionTrace<S>>
          condition) {
    Objects.requireNonNull(condition, "condition");
    labels.cover(minPercent, label, condition::test);
    return this;
  }

  /**
   * The property one workload is explored with, e.g. to replay a failure's schedule: {@code
   * property.interleavings(shrunk).executeInterleaving(failure.schedule())}.
   */
  public ForAllInterleavings<S> interleavings(ConcurrentWorkload<S> workload) {
    return interleavings(workload, new ArrayList<>());
  }

  /** As {@link #interleavings(ConcurrentWorkload)}, adding each execution's labels to {@code sink}. */
  private ForAllInterleavings<S> interleavings(ConcurrentWorkload<S> workload,
      List<List<String>> sink) {
    return Properties.forAllInterleavings(workload.scenario(setup), trace -> {
      sink.add(labels.of(workload, trace));
      check.check(workload, trace);
    }).withStrategy(strategy).withOptions(options);
  }

  /**
   * Explores workloads until one fails or all pass; shrinks the one that failed.
   *
   * @throws IllegalStateException when the generator fails, or a failure does not come back when
   *     explored again with the same seed (the target does something Weft does not control)
   */
  public WorkloadResult<S> check() {
    long started = System.nanoTime();
    Inputs<ConcurrentWorkload<S>> inputs = new Inputs<>(gen, List.of(), seed, tests);
    int executions = 0;
    for (int t = 0; t < tests; t++) {
      Tree<ConcurrentWorkload<S>> workload = inputs.tree(t);
      List<List<String>> labelled = new ArrayList<>();
      InterleavingResult<S> r = explore(workload.value(), t, false, labelled);
      executions += r.executions();
      if (r.verdict() == InterleavingResult.Verdict.FAILED) {
        return failed(t, workload, r, executions, started);
      }
      labels.count(labelled);
    }
    LabelTable table = labels.table();
    return new WorkloadResult<>(tests, executions, Optional.empty(), Optional.empty(), table,
        labels.coverage(table), seed, Duration.ofNanos(System.nanoTime() - started));
  }

  private WorkloadResult<S> failed(int t, Tree<ConcurrentWorkload<S>> workload,
      InterleavingResult<S> found, int executions, long started) {
    int test = t;
    InputShrinker.Shrunk<ConcurrentWorkload<S>, InterleavingResult<S>> s =
        InputShrinker.shrink(workload, found, w -> {
          InterleavingResult<S> r = explore(w, test, false, new ArrayList<>());
          return r.verdict() == InterleavingResult.Verdict.FAILED ? Optional.of(r)
              : Optional.empty();
        }, shrinkRuns);
    InterleavingResult<S> reported = explore(s.value(), t, options.shrink(), new ArrayList<>());
    if (reported.verdict() != InterleavingResult.Verdict.FAILED) {
      throw new IllegalStateException("workload " + s.value() + " failed while shrinking but not"
          + " when explored again with the same seed: the target is not deterministic under a"
          + " fixed schedule");
    }
    Counterexample<ConcurrentWorkload<S>> c = new Counterexample<>(t + 1, workload.value(),
        s.value(), s.steps(), reported.failure().orElseThrow().error());
    LabelTable table = labels.table();
    return new WorkloadResult<>(t + 1, executions, Optional.of(c), Optional.of(reported), table,
        labels.coverage(table), seed, Duration.ofNanos(System.nanoTime() - started));
  }

  private InterleavingResult<S> explore(ConcurrentWorkload<S> workload, int t,
      boolean shrinkSchedule, List<List<String>> labelled) {
    return interleavings(workload, labelled).withOptions(options.toBuilder().seed(options.seed() + t)
        .shrink(shrinkSchedule)
        .testName(options.testName() != null ? options.testName() : "forAllWorkloads").build())
        .check();
  }
}
