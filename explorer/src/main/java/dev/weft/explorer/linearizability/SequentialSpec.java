package dev.weft.explorer.linearizability;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The sequential specification a history is checked against: a fresh model, how to copy one, how to
 * apply a call to it, and the value that says two models are in the same state (the checker
 * remembers the states it has seen after each set of linearized calls, so two models with equal
 * keys must behave alike from then on).
 *
 * @param <M> the model, e.g. {@code ArrayDeque<Integer>} as the model of a concurrent deque
 */
public final class SequentialSpec<M> {
  /** Applies one call to the model, which it may change, and returns the call's result. */
  @FunctionalInterface
  public interface Apply<M> {
    Object apply(M model, Call call);
  }

  private final Supplier<M> fresh;
  private final UnaryOperator<M> copy;
  private final Function<M, Object> stateKey;
  private final Apply<M> apply;

  private SequentialSpec(Supplier<M> fresh, UnaryOperator<M> copy, Function<M, Object> stateKey,
      Apply<M> apply) {
    this.fresh = Objects.requireNonNull(fresh, "fresh");
    this.copy = Objects.requireNonNull(copy, "copy");
    this.stateKey = Objects.requireNonNull(stateKey, "stateKey");
    this.apply = Objects.requireNonNull(apply, "apply");
  }

  /**
   * @param fresh a new model in the initial state
   * @param copy an independent copy of a model
   * @param stateKey a value with {@code equals} and {@code hashCode} over the model's state, e.g.
   *     {@code List.copyOf(deque)} for a deque
   * @param apply applies a call to a model and returns its result
   */
  public static <M> SequentialSpec<M> of(Supplier<M> fresh, UnaryOperator<M> copy,
      Function<M, Object> stateKey, Apply<M> apply) {
    return new SequentialSpec<>(fresh, copy, stateKey, apply);
  }

  M fresh() {
    return fresh.get();
  }

  M copy(M model) {
    return copy.apply(model);
  }

  Object key(M model) {
    return stateKey.apply(model);
  }

  Object apply(M model, Call call) {
    return apply.apply(model, call);
  }
}
