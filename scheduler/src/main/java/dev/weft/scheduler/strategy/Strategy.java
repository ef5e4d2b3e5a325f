package dev.weft.scheduler.strategy;

import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.Operation;
import dev.weft.scheduler.view.SchedulingView;

/**
 * Decides who runs; the runtime decides who can. Three calls, as in Shuttle's scheduler trait: a
 * new execution starts, pick the next thread among the enabled ones, pick a value for any other
 * nondeterministic choice. A strategy never touches threads; it must be deterministic given the seed
 * and the sequence of views it was shown, so that every execution can be replayed.
 *
 * <p>Called only from the running controlled thread: never concurrently.
 */
public interface Strategy {
  /** Returned by {@link #pickThread} to end the execution early as {@code PRUNED}. */
  int PRUNE = -1;

  /** A new execution starts; {@code seed} is derived from the exploration's seed and index. */
  void beginExecution(long seed);

  /**
   * Returns the id of an enabled thread to run next, or {@link #PRUNE} when the rest of this
   * execution can only repeat what was already explored. Asked when two or more threads are
   * enabled, and at every step when {@link #observesEveryStep()}.
   */
  int pickThread(SchedulingView view);

  /** Returns a value in {@code [0, bound)} for a choice of the given kind; {@code bound >= 2}. */
  int pickValue(ChoiceKind kind, int bound);

  /**
   * The execution ended after {@code steps} scheduling points.
   *
   * @throws ReplayDivergence when this strategy replays a recording that went on further: the
   *     execution then ends as diverged
   */
  default void endExecution(int steps) {}

  /**
   * Whether this strategy must see every step (also those with a single enabled thread), the
   * location each pending operation touches ({@link SchedulingView#pendingLocation}), and the
   * accesses that are not scheduling points ({@link #accessed}). Costs a little per step; systematic
   * and dependence-aware strategies need it. Read once per execution.
   */
  default boolean observesEveryStep() {
    return false;
  }

  /**
   * An access made between scheduling points by the thread holding the turn (today: a monitor
   * exit), part of the step it last took. Called only when {@link #observesEveryStep()}.
   */
  default void accessed(int thread, Operation op, long location) {}

  /** False once a systematic strategy has explored every execution it will ever explore. */
  default boolean hasNextExecution() {
    return true;
  }

  /**
   * True once a systematic search has explored every interleaving class of the program (no bound
   * cut any): with no bug found, the program is correct for every schedule within the step bound.
   */
  default boolean coveredEverything() {
    return false;
  }
}
