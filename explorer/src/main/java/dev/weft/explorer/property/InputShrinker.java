package dev.weft.explorer.property;

import java.util.Iterator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shrinks a failing input along its {@link Tree}: take the first shrink that still fails, and
 * start again from it, until no shrink fails or the run budget is spent (Hedgehog's greedy search).
 * Deterministic: the same tree and the same property give the same result.
 */
final class InputShrinker {
  private InputShrinker() {}

  /**
   * @param tree the failing input's tree, {@code evidence} the failure it gave
   * @param failure what a candidate's run shows: empty when it passes, else its failure
   * @param maxRuns candidates to try at most
   */
  static <T, E> Shrunk<T, E> shrink(Tree<T> tree, E evidence, Function<T, Optional<E>> failure,
      int maxRuns) {
    Tree<T> current = tree;
    E last = evidence;
    int steps = 0;
    int runs = 0;
    search:
    while (runs < maxRuns) {
      for (Iterator<Tree<T>> it = current.shrinks().iterator(); it.hasNext() && runs < maxRuns; ) {
        Tree<T> candidate = it.next();
        runs++;
        Optional<E> f = failure.apply(candidate.value());
        if (f.isPresent()) {
          current = candidate;
          last = f.get();
          steps++;
          continue search;
        }
      }
      break;
    }
    return new Shrunk<>(current.value(), last, steps, runs);
  }

  /**
   * @param value the smallest failing input found
   * @param evidence its failure
   * @param steps shrinks taken (each one smaller input that still fails)
   * @param runs candidates tried
   */
  record Shrunk<T, E>(T value, E evidence, int steps, int runs) {}
}
