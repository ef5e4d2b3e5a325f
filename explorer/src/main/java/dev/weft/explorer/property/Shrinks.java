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

  /**
   * The tree of rows of element trees (a workload's threads and their calls), shrinking in three
   * phases so that a counterexample loses rows before it loses elements, and elements before they
   * get smaller: drop rows (down to {@code minRows}, chunks first), then drop elements of one row
   * (down to {@code minPerRow}), then shrink one element. Greedy shrinking takes the first
   * candidate that still fails, so no later phase runs while an earlier one can still succeed.
   */
  static <T> Tree<List<List<T>>> nested(List<List<Tree<T>>> rows, int minRows, int minPerRow) {
    return grouped(List.of(new Rows<>(rows, minRows, minPerRow)));
  }

  /**
   * Rows of element trees in groups (a pattern's roles), each group with its own minimum of rows
   * and of elements per row: {@link #nested}'s three phases, each over every group in turn, so
   * that no group ever goes below its minimum. The value is every group's rows, in order.
   */
  static <T> Tree<List<List<T>>> grouped(List<Rows<T>> groups) {
    List<List<T>> value = groups.stream().flatMap(g -> g.rows().stream())
        .map(row -> row.stream().map(Tree::value).toList()).toList();
    return new Tree<>(value, () -> Stream.of(
            replaceEach(groups, g -> drops(g.rows(), g.minRows()).map(g::with)),
            replaceEach(groups, g -> replaceEach(g.rows(), row -> drops(row, g.minPerRow()))
                .map(g::with)),
            replaceEach(groups, g -> replaceEach(g.rows(), Shrinks::elementShrinks).map(g::with)))
        .flatMap(phase -> phase)
        .map(Shrinks::grouped));
  }

  /** A group of rows, none of which shrinks below {@code minRows} rows or {@code minPerRow} elements. */
  record Rows<T>(List<List<Tree<T>>> rows, int minRows, int minPerRow) {
    Rows<T> with(List<List<Tree<T>>> smaller) {
      return new Rows<>(smaller, minRows, minPerRow);
    }
  }

  /** For each item in turn, the lists with that one replaced by each of {@code shrink}'s candidates. */
  private static <E> Stream<List<E>> replaceEach(List<E> items,
      java.util.function.Function<E, Stream<E>> shrink) {
    return IntStream.range(0, items.size()).boxed().flatMap(i ->
        shrink.apply(items.get(i)).map(smaller -> {
          List<E> copy = new ArrayList<>(items);
          copy.set(i, smaller);
          return copy;
        }));
  }

  /** The lists with chunks of elements dropped, down to {@code minSize}: the largest chunks first. */
  private static <E> Stream<List<E>> drops(List<E> elements, int minSize) {
    int n = elements.size();
    int most = n - minSize;
    return IntStream.iterate(most, k -> k > 0, k -> k / 2).boxed().flatMap(k ->
        IntStream.iterate(0, start -> start + k <= n, start -> start + k).mapToObj(start -> {
          List<E> rest = new ArrayList<>(elements.subList(0, start));
          rest.addAll(elements.subList(start + k, n));
          return rest;
        }));
  }

  private static <T> Stream<List<Tree<T>>> elementShrinks(List<Tree<T>> elements) {
    return replaceEach(elements, Tree::shrinks);
  }
}
