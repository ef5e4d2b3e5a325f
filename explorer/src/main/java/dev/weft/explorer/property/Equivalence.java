package dev.weft.explorer.property;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When the threads' outcomes in one interleaving count as the same as the sequential run's.
 *
 * <p>Public API since 0.2.
 */
@FunctionalInterface
public interface Equivalence<R> {
  /**
   * @param sequential the outcomes of the calls made one after another, first call first
   * @param concurrent the outcome of each thread, T1 first, in one explored interleaving
   */
  boolean equivalent(List<Outcome<R>> sequential, List<Outcome<R>> concurrent);

  /**
   * The default: the same outcomes, in any order. Every thread makes the same call, so any
   * sequential order of the calls gives the same outcomes, handed to different threads; a
   * linearizable object therefore always passes, and a lost update or a check-then-act race shows
   * as an outcome the sequential run never gives.
   */
  static <R> Equivalence<R> sameOutcomesInAnyOrder() {
    return (sequential, concurrent) -> counts(sequential).equals(counts(concurrent));
  }

  /** Stricter: thread {@code i} must get the outcome of the sequential run's call {@code i}. */
  static <R> Equivalence<R> sameOutcomePerThread() {
    return List::equals;
  }

  private static <R> Map<Outcome<R>, Integer> counts(List<Outcome<R>> outcomes) {
    Map<Outcome<R>, Integer> m = new HashMap<>();
    for (Outcome<R> o : outcomes) m.merge(o, 1, Integer::sum);
    return m;
  }
}
