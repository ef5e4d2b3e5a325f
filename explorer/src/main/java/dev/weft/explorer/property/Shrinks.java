package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** The shrink candidates of numbers and of lists, as Hedgehog's {@code Shrink} module makes them. */
final class Shrinks {
  private Shrinks() {}

  /**
   * Candidates for {@code x} moving toward {@code origin}: the origin itself first, then ever closer
   * to {@code x} by halving the distance ({@code towards} in Hedgehog), so a failing value reaches
   * the smallest failing one in a logarithmic number of steps. Halving each end before subtracting
   * keeps every difference inside a long.
   */
  static Stream<Long> towards(long origin, long x) {
    if (origin == x) return Stream.empty();
    long diff = x / 2 - origin / 2;
    Stream<Long> closer = LongStream.iterate(diff, d -> d != 0, d -> d / 2).mapToObj(d -> x - d)
        .filter(v -> v != origin);
    return Stream.concat(Stream.of(origin), closer);
  }

  /** The tree of a long, {@code x}, shrinking toward {@code origin}. */
  static Tree<Long> integral(long origin, long x) {
    return Tree.unfold(x, v -> towards(origin, v));
  }

  /**
   * The tree of a list of element trees, at least {@code minSize} long: first drop chunks of
   * elements (all that may go, then halves, quarters, ..., single elements), then shrink one element
   * at a time. Dropping first makes a counterexample short before it makes its elements small.
   */
  static <T> Tree<List<T>> list(List<Tree<T>> elements, int minSize) {
    List<T> value = new ArrayList<>(elements.size());
    for (Tree<T> e : elements) value.add(e.value());
    return new Tree<>(java.util.Collections.unmodifiableList(value),
        () -> Stream.concat(drops(elements, minSize), elementShrinks(elements))
            .map(shorter -> list(shorter, minSize)));
  }

  private static <T> Stream<List<Tree<T>>> drops(List<Tree<T>> elements, int minSize) {
    int n = elements.size();
    int most = n - minSize;
    return IntStream.iterate(most, k -> k > 0, k -> k / 2).boxed().flatMap(k ->
        IntStream.iterate(0, start -> start + k <= n, start -> start + k).mapToObj(start -> {
          List<Tree<T>> rest = new ArrayList<>(elements.subList(0, start));
          rest.addAll(elements.subList(start + k, n));
          return rest;
        }));
  }

  private static <T> Stream<List<Tree<T>>> elementShrinks(List<Tree<T>> elements) {
    return IntStream.range(0, elements.size()).boxed().flatMap(i ->
        elements.get(i).shrinks().map(smaller -> {
          List<Tree<T>> copy = new ArrayList<>(elements);
          copy.set(i, smaller);
          return copy;
        }));
  }
}
