package dev.weft.explorer.property;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.Weft;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ConcurrentScenario} checked over its interleavings: its invariants, then a check of
 * each execution's trace. Made by {@link Properties#forAllInterleavings}; configure it, then
 * {@link #check()}.
 *
 * <pre>{@code
 * InterleavingResult<Bank> r = Properties
 *     .forAllInterleavings(scenario, trace -> assertTrue(trace.<Integer>result("audit") == 200))
 *     .withStrategy(SchedulingStrategy.SYSTEMATIC)
 *     .check();
 * r.assertProved(); // AssertionError unless every interleaving class was covered, none failing
 * }</pre>
 *
 * <p>Public API since 0.2. Not thread-safe while being configured.
 */
public final class ForAllInterleavings<S> {
  private final ConcurrentScenario<S> scenario;
  private SchedulingStrategy strategy = SchedulingStrategy.SYSTEMATIC;
  private Options options = Options.builder().iterations(10_000).build();

  ForAllInterleavings(ConcurrentScenario<S> scenario,
      Properties.Check<? super ExecutionTrace<S>> check) {
    this.scenario = Objects.requireNonNull(scenario, "scenario")
        .traceCheck("forAllInterleavings check", Objects.requireNonNull(check, "check"));
    this.scenario.compile(); // refuses an invalid scenario now, not at check()
  }

  /** How interleavings are chosen; {@link SchedulingStrategy#SYSTEMATIC} by default. */
  public ForAllInterleavings<S> withStrategy(SchedulingStrategy s) {
    strategy = Objects.requireNonNull(s, "strategy");
    return this;
  }

  /**
   * The budget and the rest of how to explore: {@code iterations} (executions at most; 10,000 by
   * default), the seed, the time limit, schedule shrinking, the test name of schedule files. Their
   * strategy is replaced by {@link #withStrategy}'s.
   */
  public ForAllInterleavings<S> withOptions(Options o) {
    options = Objects.requireNonNull(o, "options");
    return this;
  }

  /** The scenario with the check as its last invariant: what each execution runs. */
  public ConcurrentScenario<S> scenario() {
    return scenario;
  }

  /** Runs one interleaving from a schedule, e.g. a failure's: see {@link ConcurrentScenario}. */
  public ScenarioExecution<S> executeInterleaving(String schedule) {
    return scenario.executeInterleaving(schedule);
  }

  /**
   * The executions {@link #check()} would run, one at a time as the iterator is advanced, each
   * with its trace and whether it passed; it does not stop at a failure, only when the iterations
   * are done or the strategy has no interleaving left (systematically: the last class). The time
   * limit is not applied: the caller decides how long to go on. Nothing is shrunk or written.
   *
   * <p>One exploration runs at a time in a JVM: finish with one iterator (or drop it) before
   * running another exploration.
   */
  public Iterator<ExploredInterleaving<S>> exploreInterleavings() {
    return new InterleavingIterator<>(scenario, explorationOptions());
  }

  /**
   * Explores until a failure, the budget, or (systematically) the last interleaving class. A
   * failure's schedule is replayed to read the threads' results, and must reproduce.
   *
   * @throws IllegalStateException when the failure did not come back on replay: the scenario does
   *     something Weft does not control, and the message says so
   */
  public InterleavingResult<S> check() {
    ExplorationResult explored = Weft.exploreInterleavings(explorationOptions(), scenario.body());
    Optional<ExecutionTrace<S>> failing = explored.failure().flatMap(this::replayed);
    return new InterleavingResult<>(strategy, explored, failing);
  }

  private Options explorationOptions() {
    return options.toBuilder().strategy(strategy.kind())
        .testName(options.testName() != null ? options.testName() : "forAllInterleavings").build();
  }

  private Optional<ExecutionTrace<S>> replayed(Failure failure) {
    ScenarioExecution<S> again = executeInterleaving(failure.schedule());
    if (again.replay().status() != ReplayResult.Status.REPRODUCED) {
      throw new IllegalStateException("the failure found did not come back when its schedule was"
          + " replayed, so the scenario is not deterministic under a fixed schedule (it depends on"
          + " something Weft does not control):\n" + again.replay().message()
          + "\nThe failure:\n" + failure.message());
    }
    return again.trace();
  }
}
