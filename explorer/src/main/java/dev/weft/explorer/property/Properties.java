package dev.weft.explorer.property;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Property-based tests, Hedgehog-style: a property is checked for many generated inputs, and a
 * failing input is shrunk to a small one before it is reported.
 *
 * <ul>
 *   <li>{@link #forAll}: the property for each input, on one or more real threads for speed.
 *   <li>{@link #forAllConcurrent}: each input run by several threads at once on one shared object,
 *       under Weft's controlled scheduler, against the results of running them one after another.
 *   <li>{@link #forAllStress}: the property hammered by real threads for a while, watched for
 *       deadlocks and threads that stop making progress.
 *   <li>{@link #forAllInterleavings}: a {@link ConcurrentScenario} of named threads checked over
 *       its interleavings, systematically (a proof when exhausted) or by sampling.
 * </ul>
 *
 * <pre>{@code
 * Properties.forAll(Gen.lists(Gen.ints(-50, 50), 0, 10), list ->
 *         assertEquals(list, reverse(reverse(list))))
 *     .withTests(500).withParallelThreads(2)
 *     .check()
 *     .assertHolds(); // AssertionError: the shrunk input, its error, the seed
 * }</pre>
 *
 * <p>Public API since 0.2.
 */
public final class Properties {
  private Properties() {}

  /** A property of one input: it fails by throwing, e.g. a failed assertion. */
  @FunctionalInterface
  public interface Check<T> {
    void check(T input) throws Throwable;
  }

  /** A property of one input that also classifies it through its {@link TestContext}. */
  @FunctionalInterface
  public interface CheckWithContext<T> {
    void check(T input, TestContext context) throws Throwable;
  }

  /** {@code property} for inputs of {@code gen}; configure, then {@link ForAll#check()}. */
  public static <T> ForAll<T> forAll(Gen<T> gen, Check<? super T> property) {
    Objects.requireNonNull(property, "property");
    return new ForAll<>(gen, (input, context) -> property.check(input));
  }

  /** {@code property} for inputs of {@code gen}, with a context to classify each input. */
  public static <T> ForAll<T> forAll(Gen<T> gen, CheckWithContext<? super T> property) {
    return new ForAll<>(gen, property);
  }

  /**
   * For each input of {@code gen}: {@code threads} threads run {@code operation} with that same
   * input at once on one object that {@code shared} makes afresh for each execution, under Weft's
   * scheduler; the results must match those of the same calls made one after another. Configure,
   * then {@link ForAllConcurrent#check()}.
   *
   * @param threads how many threads run the operation at once, at least 2
   */
  public static <S, T, R> ForAllConcurrent<S, T, R> forAllConcurrent(Gen<T> gen, int threads,
      Supplier<? extends S> shared, ConcurrentOperation<? super S, ? super T, ? extends R> operation) {
    return new ForAllConcurrent<>(gen, threads, shared, operation);
  }

  /**
   * {@code property} checked over and over by several real, uncontrolled threads for {@code
   * duration}, with a {@link DeadlockDetector} watching them. Configure, then {@link
   * ForAllStress#check()}.
   */
  public static <T> ForAllStress<T> forAllStress(Gen<T> gen, Duration duration,
      Check<? super T> property) {
    return new ForAllStress<>(gen, duration, property);
  }

  /**
   * For each workload of {@code gen} (see {@link Gen#concurrentOperations()}): its threads run
   * their calls at once on a target {@code setup} makes afresh for each execution, under Weft's
   * scheduler, and {@code check} judges every execution. Configure, then {@link
   * ForAllWorkloads#check()}.
   */
  public static <S> ForAllWorkloads<S> forAllWorkloads(Gen<ConcurrentWorkload<S>> gen,
      Supplier<? extends S> setup, ForAllWorkloads.WorkloadCheck<S> check) {
    return new ForAllWorkloads<>(gen, setup, check);
  }

  /**
   * {@code scenario}'s invariants, then {@code check} of each execution's trace, over the
   * scenario's interleavings. Configure, then {@link ForAllInterleavings#check()}.
   *
   * @throws IllegalArgumentException when the scenario is invalid: no threads, {@code after}
   *     naming a thread it does not have, or a dependency cycle
   */
  public static <S> ForAllInterleavings<S> forAllInterleavings(ConcurrentScenario<S> scenario,
      Check<? super ExecutionTrace<S>> check) {
    return new ForAllInterleavings<>(scenario, check);
  }
}
