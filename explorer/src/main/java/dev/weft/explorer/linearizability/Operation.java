package dev.weft.explorer.linearizability;

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
 */
public record Operation<T>(String name, Function<Random, List<Object>> arguments,
    Invoke<T> call) {
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
