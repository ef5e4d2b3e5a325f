package dev.weft.explorer.property;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;

/**
 * A generator of random values of {@code T} with integrated shrinking, after Hedgehog: each value
 * comes with its {@link Tree} of smaller values, so every combinator below shrinks on its own.
 *
 * <p>Values depend only on a seed and a size. The size (0 to 99) grows over a property's tests, so
 * the first tests try small values: numbers are drawn from a range that widens with the size around
 * their origin (Hedgehog's linear ranges), and collections get longer. The same seed and size give
 * the same value on any thread and JDK.
 *
 * <pre>{@code
 * Gen<List<Integer>> lists = Gen.lists(Gen.ints(-100, 100), 0, 20);
 * Gen<Pair<String, Integer>> entries = Gen.zip(Gen.strings("abc", 1, 3), Gen.ints(0, 9));
 * Gen<Integer> evens = Gen.ints(0, 1_000).filter("even", i -> i % 2 == 0);
 * }</pre>
 *
 * <p>Public API since 0.2. Immutable and thread-safe; no method returns null, and every factory
 * throws {@link IllegalArgumentException} for an empty or inverted range, saying which.
 *
 * @param <T> the values' type
 */
public final class Gen<T> {
  /** Sizes run from 0 to {@code MAX_SIZE - 1}. */
  public static final int MAX_SIZE = 100;
  /** Values a filter may reject in a row before generation fails. */
  static final int FILTER_TRIES = 100;

  /** How a generator makes a tree, from a size and a seed. */
  @FunctionalInterface
  interface Sampler<T> {
    Tree<T> sample(int size, Seed seed);
  }

  private final Sampler<T> sampler;

  Gen(Sampler<T> sampler) {
    this.sampler = sampler;
  }

  Tree<T> generate(int size, Seed seed) {
    return sampler.sample(size, seed);
  }

  /** The tree of the value this generator makes from {@code seed} at {@code size} (0 to 99). */
  public Tree<T> tree(long seed, int size) {
    return generate(checkSize(size), Seed.of(seed));
  }

  /** The value this generator makes from {@code seed} at {@code size} (0 to 99). */
  public T sample(long seed, int size) {
    return tree(seed, size).value();
  }

  // ---- constants and choices

  /** Always {@code value}, which does not shrink. */
  public static <T> Gen<T> constant(T value) {
    return new Gen<>((size, seed) -> Tree.leaf(value));
  }

  /** One of {@code values}, uniformly; shrinks toward the first. */
  @SafeVarargs
  public static <T> Gen<T> elements(T... values) {
    return elements(List.of(values));
  }

  /** One of {@code values}, uniformly; shrinks toward the first. */
  public static <T> Gen<T> elements(List<? extends T> values) {
    List<? extends T> copy = List.copyOf(nonEmpty(values, "elements"));
    return index(copy.size()).map(copy::get);
  }

  /** {@code false} or {@code true}; shrinks to {@code false}. */
  public static Gen<Boolean> booleans() {
    return elements(false, true);
  }

  /** A value of one of {@code gens}, chosen uniformly; shrinks toward the first generator. */
  @SafeVarargs
  public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
    return oneOf(List.of(gens));
  }

  /** A value of one of {@code gens}, chosen uniformly; shrinks toward the first generator. */
  public static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
    List<? extends Gen<? extends T>> copy = List.copyOf(nonEmpty(gens, "oneOf"));
    return index(copy.size()).flatMap(i -> widen(copy.get(i)));
  }

  /** A generator and its weight, for {@link #frequency}. */
  public record Weighted<T>(int weight, Gen<? extends T> gen) {
    public Weighted {
      if (weight < 1) throw new IllegalArgumentException("a weight must be at least 1, was " + weight);
      Objects.requireNonNull(gen, "gen");
    }
  }

  /** {@code gen} with weight {@code weight}, for {@link #frequency}. */
  public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
    return new Weighted<>(weight, gen);
  }

  /**
   * A value of one of the generators, each chosen with probability its weight over the total;
   * shrinks toward the first generator.
   */
  @SafeVarargs
  public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
    List<Weighted<? extends T>> copy = List.copyOf(nonEmpty(List.of(choices), "frequency"));
    long total = copy.stream().mapToLong(Weighted::weight).sum();
    Gen<Integer> pick = new Gen<>((size, seed) -> {
      long r = seed.nextLong(0, total - 1);
      int i = 0;
      while (r >= copy.get(i).weight()) r -= copy.get(i++).weight();
      return Shrinks.integral(0, i).map(Long::intValue);
    });
    return pick.flatMap(i -> widen(copy.get(i).gen()));
  }

  // ---- numbers and characters

  /** An int in {@code [min, max]}, shrinking toward the value in range closest to 0. */
  public static Gen<Integer> ints(int min, int max) {
    return ints(min, max, (int) closestToZero(min, max));
  }

  /** An int in {@code [min, max]}, shrinking toward {@code origin}. */
  public static Gen<Integer> ints(int min, int max, int origin) {
    return longs(min, max, origin).map(Long::intValue);
  }

  /** A long in {@code [min, max]}, shrinking toward the value in range closest to 0. */
  public static Gen<Long> longs(long min, long max) {
    return longs(min, max, closestToZero(min, max));
  }

  /**
   * A long in {@code [min, max]}, shrinking toward {@code origin}. At size {@code s} it is drawn
   * from the part of the range within {@code s/99} of the way from the origin to each end.
   */
  public static Gen<Long> longs(long min, long max, long origin) {
    if (min > max) throw new IllegalArgumentException("empty range: min " + min + " > max " + max);
    if (origin < min || origin > max) {
      throw new IllegalArgumentException(
          "origin " + origin + " is outside [" + min + ", " + max + "]: give an origin in range");
    }
    return new Gen<>((size, seed) -> {
      long lo = scale(origin, min, size);
      long hi = scale(origin, max, size);
      return Shrinks.integral(origin, seed.nextLong(lo, hi));
    });
  }

  /** A char in {@code [min, max]}, shrinking toward {@code min}. */
  public static Gen<Character> chars(char min, char max) {
    return ints(min, max, min).map(i -> (char) i.intValue());
  }

  /** A char of {@code alphabet}, uniformly; shrinks toward its first char. */
  public static Gen<Character> chars(String alphabet) {
    if (alphabet.isEmpty()) throw new IllegalArgumentException("empty alphabet: give at least one char");
    return index(alphabet.length()).map(alphabet::charAt);
  }

  /** A string of chars of {@code alphabet}, its length in {@code [minLength, maxLength]}. */
  public static Gen<String> strings(String alphabet, int minLength, int maxLength) {
    return strings(chars(alphabet), minLength, maxLength);
  }

  /** A string of {@code chars}, its length in {@code [minLength, maxLength]}; shrinks shorter first. */
  public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
    return lists(chars, minLength, maxLength).map(cs -> {
      StringBuilder s = new StringBuilder(cs.size());
      cs.forEach(s::append);
      return s.toString();
    });
  }

  // ---- collections

  /**
   * A list of {@code minSize} to {@code maxSize} elements; the length grows with the size. Shrinks
   * by dropping elements (many at once first), then by shrinking each element.
   */
  public static <T> Gen<List<T>> lists(Gen<T> elements, int minSize, int maxSize) {
    checkSizes(minSize, maxSize);
    return new Gen<>((size, seed) -> {
      int n = (int) seed.nextLong(minSize, scale(minSize, maxSize, size));
      List<Tree<T>> trees = new ArrayList<>(n);
      for (int i = 0; i < n; i++) trees.add(elements.generate(size, seed.child(i)));
      return Shrinks.list(trees, minSize);
    });
  }

  /**
   * A set of {@code minSize} to {@code maxSize} distinct elements, in the order generated. Fails
   * with {@link IllegalStateException} when the elements' generator cannot make {@code minSize}
   * distinct values.
   */
  public static <T> Gen<java.util.Set<T>> sets(Gen<T> elements, int minSize, int maxSize) {
    return Distinct.of(elements, Function.identity(), minSize, maxSize, "sets")
        .map(list -> java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(list)));
  }

  /**
   * A map of {@code minSize} to {@code maxSize} entries with distinct keys, in the order generated.
   * Fails with {@link IllegalStateException} when the keys' generator cannot make {@code minSize}
   * distinct keys.
   */
  public static <K, V> Gen<java.util.Map<K, V>> maps(Gen<K> keys, Gen<V> values, int minSize,
      int maxSize) {
    return Distinct.of(zip(keys, values), Pair::first, minSize, maxSize, "maps").map(entries -> {
      java.util.Map<K, V> map = new java.util.LinkedHashMap<>();
      entries.forEach(e -> map.put(e.first(), e.second()));
      return java.util.Collections.unmodifiableMap(map);
    });
  }

  // ---- workloads

  /**
   * A builder of generated concurrent workloads on a target of type {@code S}: add weighted
   * operations, set the {@link ThreadDistribution}, then take its {@link
   * ConcurrentOperations#gen()}.
   *
   * <pre>{@code
   * Gen<ConcurrentWorkload<Counter>> workloads = Gen.<Counter>concurrentOperations()
   *     .operation(0.7, read).operation(0.2, write).operation(0.1, admin)
   *     .gen();
   * }</pre>
   */
  public static <S> ConcurrentOperations<S> concurrentOperations() {
    return ConcurrentOperations.empty();
  }

  /**
   * A builder of generated workloads of a classic shape: name the operation of each of the
   * pattern's roles, set the {@link ThreadDistribution}, then take its {@link
   * PatternOperations#gen()}.
   *
   * <pre>{@code
   * Gen<ConcurrentWorkload<Buffer>> workloads = Gen.<Buffer>concurrentPattern(PRODUCER_CONSUMER)
   *     .role("producer", produce).role("consumer", consume)
   *     .gen();
   * }</pre>
   */
  public static <S> PatternOperations<S> concurrentPattern(ConcurrentPattern pattern) {
    return PatternOperations.of(pattern);
  }

  // ---- combinators

  /** A pair of a value of {@code a} and one of {@code b}; shrinks the first, then the second. */
  public static <A, B> Gen<Pair<A, B>> zip(Gen<A> a, Gen<B> b) {
    return zip(a, b, Pair::new);
  }

  /** {@code f} of a value of {@code a} and one of {@code b}, e.g. a record's constructor. */
  public static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, R> f) {
    return new Gen<>((size, seed) -> {
      Seed[] s = seed.split();
      return Tree.zip(a.generate(size, s[0]), b.generate(size, s[1]), f);
    });
  }

  /** A function of three values, for {@link #zip(Gen, Gen, Gen, Function3)}. */
  @FunctionalInterface
  public interface Function3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  /** {@code f} of values of {@code a}, {@code b} and {@code c}, e.g. a record's constructor. */
  public static <A, B, C, R> Gen<R> zip(Gen<A> a, Gen<B> b, Gen<C> c, Function3<A, B, C, R> f) {
    return zip(zip(a, b), c, (ab, cv) -> f.apply(ab.first(), ab.second(), cv));
  }

  /** The generator {@code f} chooses for the current size. */
  public static <T> Gen<T> sized(IntFunction<Gen<T>> f) {
    return new Gen<>((size, seed) -> f.apply(size).generate(size, seed));
  }

  /** This generator at a fixed size (0 to 99). */
  public Gen<T> resize(int size) {
    checkSize(size);
    return new Gen<>((ignored, seed) -> generate(size, seed));
  }

  /** This generator at the size {@code f} makes of the current one, kept within 0 to 99. */
  public Gen<T> scale(IntUnaryOperator f) {
    return new Gen<>((size, seed) ->
        generate(Math.max(0, Math.min(MAX_SIZE - 1, f.applyAsInt(size))), seed));
  }

  /**
   * A recursive generator, e.g. of trees: {@code base} alone at size 1 or less; above, {@code base}
   * or {@code step} applied to this same generator at half the size, so values stay finite.
   *
   * <pre>{@code
   * Gen<Expr> exprs = Gen.recursive(Gen.ints(0, 9).map(Lit::new),
   *     self -> Gen.zip(self, self, Add::new));
   * }</pre>
   */
  public static <T> Gen<T> recursive(Gen<T> base, Function<Gen<T>, Gen<? extends T>> step) {
    return sized(size -> size <= 1 ? base
        : oneOf(base, step.apply(recursive(base, step).scale(s -> s / 2))));
  }

  /** {@code f} of each value; shrinks as this generator's values do. */
  public <U> Gen<U> map(Function<? super T, ? extends U> f) {
    return new Gen<>((size, seed) -> generate(size, seed).map(f));
  }

  /**
   * A value of the generator {@code f} chooses for a value of this one. Shrinks this value first
   * (regenerating the dependent part from the same seed), then the dependent value.
   */
  public <U> Gen<U> flatMap(Function<? super T, Gen<U>> f) {
    return new Gen<>((size, seed) -> {
      Seed[] s = seed.split();
      return generate(size, s[0]).flatMap(t -> f.apply(t).generate(size, s[1]));
    });
  }

  /** {@link #filter(String, Predicate)} with a filter that has no name. */
  public Gen<T> filter(Predicate<? super T> keep) {
    return filter(null, keep);
  }

  /**
   * The values that {@code keep} accepts; shrinks only to accepted values. A value is drawn again
   * (at a slightly larger size) when rejected, up to 100 times in a row; then generation fails
   * with an {@link IllegalStateException} naming the filter. Prefer generating matching values
   * directly (with {@link #map}) when most values would be rejected.
   *
   * @param name names the filter in that error; may be null
   */
  public Gen<T> filter(String name, Predicate<? super T> keep) {
    return new Gen<>((size, seed) -> {
      for (int k = 0; k < FILTER_TRIES; k++) {
        Tree<T> t = generate(Math.min(MAX_SIZE - 1, size + k), seed.child(k));
        if (keep.test(t.value())) return t.filter(keep);
      }
      throw new IllegalStateException((name == null ? "Gen.filter" : "Gen.filter(\"" + name + "\")")
          + " rejected " + FILTER_TRIES + " values in a row (size " + size + "): its predicate"
          + " almost never holds for the values its generator makes. Generate matching values"
          + " directly (map the generator onto them) or loosen the predicate"
          + (name == null ? "; name the filter with filter(name, predicate) to see it here" : ""));
    });
  }

  // ---- helpers

  /** An index in {@code [0, n)}, uniformly, whatever the size; shrinks toward 0. */
  static Gen<Integer> index(int n) {
    return new Gen<>((size, seed) -> Shrinks.integral(0, seed.nextLong(0, n - 1)).map(Long::intValue));
  }

  @SuppressWarnings("unchecked")
  private static <T> Gen<T> widen(Gen<? extends T> gen) {
    return (Gen<T>) gen; // a generator only produces values, so it is covariant
  }

  /** {@code origin}, moved toward {@code end} by the fraction {@code size/99} of the way. */
  static long scale(long origin, long end, int size) {
    BigInteger way = BigInteger.valueOf(end).subtract(BigInteger.valueOf(origin));
    return BigInteger.valueOf(origin)
        .add(way.multiply(BigInteger.valueOf(size)).divide(BigInteger.valueOf(MAX_SIZE - 1)))
        .longValueExact();
  }

  private static long closestToZero(long min, long max) {
    if (min > 0) return min;
    return max < 0 ? max : 0;
  }

  static int checkSize(int size) {
    if (size < 0 || size >= MAX_SIZE) {
      throw new IllegalArgumentException("size " + size + " is outside 0 to " + (MAX_SIZE - 1));
    }
    return size;
  }

  static void checkSizes(int minSize, int maxSize) {
    if (minSize < 0 || minSize > maxSize) {
      throw new IllegalArgumentException("sizes must satisfy 0 <= minSize <= maxSize, were "
          + minSize + " and " + maxSize);
    }
  }

  private static <L extends List<?>> L nonEmpty(L values, String what) {
    if (values.isEmpty()) throw new IllegalArgumentException(what + " needs at least one choice");
    return values;
  }
}
