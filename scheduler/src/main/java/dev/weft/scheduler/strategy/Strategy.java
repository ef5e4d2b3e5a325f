package dev.weft.scheduler.strategy;

/**
 * Decides who runs; the runtime decides who can. Three calls, as in Shuttle's scheduler trait: a
 * new execution starts, pick the next thread among the enabled ones, pick a value for any other
 * nondeterministic choice. A strategy never touches threads; it must be deterministic given the seed
 * and the sequence of views it was shown, so that every execution can be replayed.
 *
 * <p>Called only from the running controlled thread: never concurrently.
 */
public interface Strategy {
  /** A new execution starts; {@code seed} is derived from the exploration's seed and index. */
  void beginExecution(long seed);

  /** Returns the id of an enabled thread to run next. Only asked when two or more are enabled. */
  int pickThread(SchedulingView view);

  /** Returns a value in {@code [0, bound)} for a choice of the given kind; {@code bound >= 2}. */
  int pickValue(ChoiceKind kind, int bound);

  /** The execution ended after {@code steps} scheduling points. */
  default void endExecution(int steps) {}
}
