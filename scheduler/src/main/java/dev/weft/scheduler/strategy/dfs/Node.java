package dev.weft.scheduler.strategy.dfs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
  /**
   * For the threads in {@link #sleep}, what their step touches, as carried from where they fell
   * asleep; see {@link #footprints}.
   */
  final Map<Integer, List<HappensBefore.Touch>> sleepFootprints;
  /**
   * What the step of each thread explored from here touched, its accesses between scheduling points
   * included (the start of a class's initializer, a first use of a class another thread
   * initialized): a sleeper wakes when another thread touches any of these dependently, not only
   * the location of the operation it is about to do.
   */
  final Map<Integer, List<HappensBefore.Touch>> footprints = new HashMap<>(2);

  IdSet backtrack;
  /**
   * For a prefix point of a partitioned search ({@link Partition}), every choice the search may
   * take here, all explored, in the order that numbers them; else null.
   */
  IdSet prefixOptions;
  final IdSet done = new IdSet();
  int chosen;

  Node(IdSet enabled, boolean valueChoice, int current, int preemptionsBefore, IdSet sleep,
      Map<Integer, List<HappensBefore.Touch>> sleepFootprints) {
    this.enabled = enabled;
    this.valueChoice = valueChoice;
    this.current = current;
    this.preemptionsBefore = preemptionsBefore;
    this.sleep = sleep;
    this.sleepFootprints = sleepFootprints;
  }

  /** Whether running {@code thread} here preempts the thread that reached this point. */
  boolean preempts(int thread) {
    return !valueChoice && thread != current && enabled.contains(current);
  }

  int preemptionsAfter(int choice) {
    return preemptionsBefore + (preempts(choice) ? 1 : 0);
  }
}
