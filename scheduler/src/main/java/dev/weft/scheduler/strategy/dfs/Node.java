package dev.weft.scheduler.strategy.dfs;

/**
 * One decision on the current path of the search tree: which thread runs at a scheduling point, or
 * which value a non-thread choice takes.
 *
 * <p>Invariants: {@code done} is a subset of {@code backtrack}; {@code chosen} is in {@code
 * backtrack}; for a thread node every member of {@code backtrack} is in {@code enabled}. The sets
 * given to the constructor are the node's own from then on.
 */
final class Node {
  /** Thread node: the enabled threads. Value node: every value. */
  final IdSet enabled;
  final boolean valueChoice;
  /** The thread that reached this point, for counting preemptions; -1 for value nodes. */
  final int current;
  /** Preemptions on the path before this node. */
  final int preemptionsBefore;
  /** Threads whose exploration from here would only repeat an explored interleaving. */
  final IdSet sleep;

  IdSet backtrack;
  final IdSet done = new IdSet();
  int chosen;

  Node(IdSet enabled, boolean valueChoice, int current, int preemptionsBefore, IdSet sleep) {
    this.enabled = enabled;
    this.valueChoice = valueChoice;
    this.current = current;
    this.preemptionsBefore = preemptionsBefore;
    this.sleep = sleep;
  }

  /** Whether running {@code thread} here preempts the thread that reached this point. */
  boolean preempts(int thread) {
    return !valueChoice && thread != current && enabled.contains(current);
  }

  int preemptionsAfter(int choice) {
    return preemptionsBefore + (preempts(choice) ? 1 : 0);
  }
}
