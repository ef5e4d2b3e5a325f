package dev.weft.explorer.linearizability;

import dev.weft.explorer.property.Gen;
import dev.weft.explorer.property.Tree;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * An operation of the object under test: its name, how to draw its arguments, and how to call it
 * on an instance, concurrent or model alike.
 *
 * <p>Public API since 0.2.
 *
 * @param <T> the type both the concurrent object and its model implement, e.g. {@code Deque<Integer>}
 * @param name shown in histories and reports, e.g. {@code addFirst}
 * @param arguments draws the arguments of one call
 * @param call calls the operation on an instance and returns its result (null for void)
 * @param generator when not null, where the arguments come from instead of {@code arguments}: a
 *     property-layer generator, whose shrinks minimising then tries on a failing scenario
 */
public record Operation<T>(String name, Function<Random, List<Object>> arguments,
    Invoke<T> call, Gen<List<Object>> generator) {
  /** Calls an operation with its arguments. */
  @FunctionalInterface
  public interface Invoke<T> {
    Object apply(T target, List<Object> arguments) throws Exception;
  }

  public Operation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(call, "call");
  }

  /** An operation whose arguments {@code arguments} draws; they do not shrink. */
  public Operation(String name, Function<Random, List<Object>> arguments, Invoke<T> call) {
    this(name, arguments, call, null);
  }

  /** An operation without arguments, e.g. {@code Operation.of("pollFirst", Deque::pollFirst)}. */
  public static <T> Operation<T> of(String name, Function<T, Object> call) {
    return new Operation<>(name, random -> List.of(), (target, args) -> call.apply(target));
  }

  /**
   * An operation with one argument drawn from {@code values}, e.g. {@code Operation.of("addFirst",
   * List.of(1, 2), (d, x) -> { d.addFirst(x); return null; })}.
   */
  public static <T, A> Operation<T> of(String name, List<A> values,
      java.util.function.BiFunction<T, A, Object> call) {
    List<A> choices = List.copyOf(values);
    return new Operation<>(name, random -> List.of(choices.get(random.nextInt(choices.size()))),
        (target, args) -> {
          @SuppressWarnings("unchecked")
          A arg = (A) args.get(0);
          return call.apply(target, arg);
        });
  }

  /**
   * An operation with one argument from a property-layer generator, e.g. {@code
   * Operation.of("offer", Gen.ints(0, 99), (q, x) -> q.offer(x))}. A failing scenario's arguments
   * are then shrunk too, along the generator's own shrinks, after its threads and calls.
   */
  public static <T, A> Operation<T> of(String name, Gen<A> argument,
      java.util.function.BiFunction<T, A, Object> call) {
    Gen<List<Object>> generator = argument.map(a -> java.util.Collections.singletonList(a));
    return new Operation<>(name,
        random -> generator.sample(random.nextLong(), Gen.MAX_SIZE - 1), (target, args) -> {
          @SuppressWarnings("unchecked")
          A arg = (A) args.get(0);
          return call.apply(target, arg);
        }, generator);
  }

  /** Calls an operation with two arguments. */
  @FunctionalInterface
  public interface Invoke2<T, A, B> {
    Object apply(T target, A first, B second) throws Exception;
  }

  /**
   * An operation with two arguments from property-layer generators, e.g. {@code
   * Operation.of("put", Gen.ints(0, 3), Gen.ints(0, 99), Map::put)}. A failing scenario's
   * arguments shrink too: the first, then the second.
   */
  public static <T, A, B> Operation<T> of(String name, Gen<A> first, Gen<B> second,
      Invoke2<T, A, B> call) {
    Gen<List<Object>> generator = Gen.zip(first, second, (a, b) -> Arrays.asList(a, b));
    return new Operation<>(name,
        random -> generator.sample(random.nextLong(), Gen.MAX_SIZE - 1), (target, args) -> {
          @SuppressWarnings("unchecked")
          A a = (A) args.get(0);
          @SuppressWarnings("unchecked")
          B b = (B) args.get(1);
          return call.apply(target, a, b);
        }, generator);
  }

  /**
   * A call of this operation, the {@code index}-th of the check's, its arguments drawn with {@code
   * random} at {@code size} (0 to 99; a generator's values grow with it).
   */
  Scenario.Invocation draw(int index, Random random, int size) {
    if (generator == null) return new Scenario.Invocation(index, name, arguments.apply(random));
    Tree<List<Object>> tree = generator.tree(random.nextLong(), size);
    return new Scenario.Invocation(index, name, tree.value(), tree);
  }

  /**
   * The result of calling this operation on {@code target}: what it returned, or, when it threw,
   * the words {@code threw} and the exception's class, so that a model that throws the same
   * agrees.
   */
  Object resultOn(T target, List<Object> args) {
    try {
      return call.apply(target, args);
    } catch (Exception e) {
      return "threw " + e.getClass().getName();
    }
  }
}
