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
  /** The part of the state a call touches, or null when the history is searched whole. */
  private final Function<Call, Object> partition;

  private SequentialSpec(Supplier<M> fresh, UnaryOperator<M> copy, Function<M, Object> stateKey,
      Apply<M> apply, Function<Call, Object> partition) {
    this.fresh = Objects.requireNonNull(fresh, "fresh");
    this.copy = Objects.requireNonNull(copy, "copy");
    this.stateKey = Objects.requireNonNull(stateKey, "stateKey");
    this.apply = Objects.requireNonNull(apply, "apply");
    this.partition = partition;
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
    return new SequentialSpec<>(fresh, copy, stateKey, apply, null);
  }

  /**
   * This specification, checked one part of the state at a time (P-compositionality, Horn and
   * Kroening, FORTE 2015): {@code part} names the part a call touches, e.g. {@code call ->
   * call.arguments().get(0)} for a map's key. The history's calls on each part are checked alone,
   * each part from a fresh model, and the history is linearizable exactly when every part's calls
   * are (Herlihy and Wing's locality), which turns one search over the product of the parts'
   * states into one small search per part.
   *
   * <p>That holds only when the model is the product of independent parts, each call touching
   * one, and a fresh model's calls on one part behave as they would among the others' (a map's
   * {@code put}, {@code get} and {@code remove} on a key; not {@code size} or {@code clear}). A
   * call of which {@code part} returns null touches the whole state: a history with one such call
   * is searched whole.
   */
  public SequentialSpec<M> partitionBy(Function<Call, Object> part) {
    return new SequentialSpec<>(fresh, copy, stateKey, apply,
        Objects.requireNonNull(part, "part"));
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

  /** The part of the state {@code call} touches; null when it touches all of it or no parts are named. */
  Object partOf(Call call) {
    return partition == null ? null : partition.apply(call);
  }
}
