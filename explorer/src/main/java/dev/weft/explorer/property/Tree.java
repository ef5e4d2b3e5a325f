package dev.weft.explorer.property;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A generated value with its shrinks: a rose tree whose children are smaller values, each with its
 * own shrinks, computed only when asked for (Hedgehog's integrated shrinking). Because a generator
 * returns the tree, not just the value, {@code map}, {@code flatMap}, {@code filter} and {@code
 * zip} carry shrinking along and no one writes a shrinker by hand.
 *
 * <p>Public API since 0.2. Immutable; {@link #shrinks()} returns a fresh stream on every call,
 * smallest-first candidates first, and never null.
 *
 * @param <T> the value's type
 */
public final class Tree<T> {
  private final T value;
  private final Supplier<Stream<Tree<T>>> shrinks;

  Tree(T value, Supplier<Stream<Tree<T>>> shrinks) {
    this.value = value;
    this.shrinks = shrinks;
  }

  /** A value that does not shrink. */
  static <T> Tree<T> leaf(T value) {
    return new Tree<>(value, Stream::empty);
  }

  /** The tree of {@code value} whose children are {@code shrink(value)}, recursively. */
  static <T> Tree<T> unfold(T value, Function<T, Stream<T>> shrink) {
    return new Tree<>(value, () -> shrink.apply(value).map(v -> unfold(v, shrink)));
  }

  /** The value generated. */
  public T value() {
    return value;
  }

  /** The candidates one shrink step away, the most promising first. */
  public Stream<Tree<T>> shrinks() {
    return shrinks.get();
  }

  <U> Tree<U> map(Function<? super T, ? extends U> f) {
    return new Tree<>(f.apply(value), () -> shrinks().map(t -> t.map(f)));
  }

  /**
   * Hedgehog's bind: the value {@code f} makes of this value, shrinking first this value (each
   * shrink gets {@code f}'s tree afresh), then {@code f}'s own tree.
   */
  <U> Tree<U> flatMap(Function<? super T, Tree<U>> f) {
    Tree<U> inner = f.apply(value);
    return new Tree<>(inner.value,
        () -> Stream.concat(shrinks().map(t -> t.flatMap(f)), inner.shrinks()));
  }

  /** This tree without the shrinks (and their subtrees) whose value fails {@code keep}. */
  Tree<T> filter(Predicate<? super T> keep) {
    return new Tree<>(value, () -> shrinks().filter(t -> keep.test(t.value)).map(t -> t.filter(keep)));
  }

  /** Pairs two trees: shrinks the left value first, then the right. */
  static <A, B, C> Tree<C> zip(Tree<A> a, Tree<B> b, BiFunction<? super A, ? super B, C> f) {
    Objects.requireNonNull(f);
    return new Tree<>(f.apply(a.value, b.value), () -> Stream.concat(
        a.shrinks().map(sa -> zip(sa, b, f)),
        b.shrinks().map(sb -> zip(a, sb, f))));
  }
}
