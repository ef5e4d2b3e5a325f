package dev.weft.scheduler.strategy.dfs;

import dev.weft.scheduler.race.RacingSites;
import dev.weft.scheduler.strategy.ReplayDivergence;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.Operation;
import dev.weft.scheduler.view.SchedulingView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exhaustive depth-first search over executions, stateless: each execution replays the current
 * path up to the deepest node with an unexplored alternative, takes it, then continues with default
 * choices (the running thread first, so paths start with few preemptions).
 *
 * <p>With reduction on, it is dynamic partial-order reduction with sleep sets: source-set DPOR as in
 * Abdulla, Aronis, Jonsson and Sagonas, "Optimal Dynamic Partial Order Reduction", POPL 2014
 * (Algorithm 1), over the races that {@link HappensBefore} finds. Deviations: where no initial of
 * the reversed sequence is enabled at the race's node (possible with blocking operations), every
 * enabled thread is added, as in Flanagan and Godefroid's DPOR; a sleep-set-blocked execution is cut
 * short and reported as pruned. Without reduction every enabled thread is explored at every node.
 *
 * <p>A preemption bound {@code k} (CHESS, Musuvathi and Qadeer, PLDI 2007) keeps only executions with
 * at most {@code k} preemptions; with {@code iterative}, bounds 0, 1, 2, ... run in turn, so the
 * first failure has the fewest preemptions. Plain DPOR is not complete under a bound: the reversal
 * of a race may need a preemption the bound forbids. As in bounded partial-order reduction (Coons,
 * Musuvathi and McKinley, OOPSLA 2013), each race then also gets a backtrack point at the latest
 * earlier node where the running thread was switched out anyway, where switching costs nothing.
 * Sleep sets are off under a bound.
 *
 * <p>Plain accesses are invisible to the reduction, which is exact only for programs without data
 * races. Given {@link RacingSites}, the search hears of plain-access sites found racing; before the
 * next execution it makes them scheduling points and starts over, until an execution finds none
 * new (CHESS's way). Only then is it exhausted.
 *
 * <p>Deterministic: no seed. Sets of threads are {@link IdSet}s: as cheap as a bit mask up to 64
 * threads, and without a limit beyond.
 */
public final class Dfs implements Strategy {
  private final boolean reduce;
  /** Sleep sets: with reduction and no bound. */
  private final boolean sleepSets;
  private final int maxBound;
  private final boolean iterative;

  /** The plain-access sites it schedules, or null when plain accesses are not watched. */
  private final RacingSites racing;
  /** The part of the search this one explores, or null for all of it. */
  private final Partition partition;

  private final List<Node> path = new ArrayList<>();
  private final HappensBefore hb = new HappensBefore();
  private int bound;
  private boolean boundCutSomething;
  private boolean exhausted;

  // Per execution.
  private int depth;
  private int preemptions;
  private IdSet carriedSleep = new IdSet();
  /** What the step of each thread in {@link #carriedSleep} touches ({@link Node#footprints}). */
  private Map<Integer, List<HappensBefore.Touch>> carriedFootprints = Map.of();
  private HappensBefore.Event lastEvent;
  private SchedulingView lastView;
  /** Prefix points passed, and the prefix's number so far modulo the parts ({@link Partition}). */
  private int prefixPassed;
  private long prefixNumber;

  /**
   * @param reduce whether to apply DPOR (with sleep sets when there is no bound)
   * @param preemptionBound the most preemptions per execution, or -1 for none
   * @param iterative whether to explore bounds 0..preemptionBound in turn
   */
  public Dfs(boolean reduce, int preemptionBound, boolean iterative) {
    this(reduce, preemptionBound, iterative, null);
  }

  /**
   * @param racing the plain-access sites to schedule, which executions add to; null when plain
   *     accesses are not watched
   */
  public Dfs(boolean reduce, int preemptionBound, boolean iterative, RacingSites racing) {
    this(reduce, preemptionBound, iterative, racing, null);
  }

  /** @param partition the part of the search to explore, or null for all of it */
  public Dfs(boolean reduce, int preemptionBound, boolean iterative, RacingSites racing,
      Partition partition) {
    this.racing = racing;
    this.partition = partition;
    this.maxBound = preemptionBound;
    this.reduce = reduce;
    this.sleepSets = reduce && preemptionBound < 0;
    this.iterative = iterative && preemptionBound >= 0;
    this.bound = this.iterative ? 0 : preemptionBound;
  }

  @Override
  public boolean observesEveryStep() {
    return true;
  }

  @Override
  public void beginExecution(long seed) {
    if (racing != null && racing.commit()) startOver();
    depth = 0;
    preemptions = 0;
    carriedSleep = new IdSet();
    carriedFootprints = Map.of();
    lastEvent = null;
    prefixPassed = 0;
    prefixNumber = 0;
    hb.clear();
  }

  @Override
  public int pickThread(SchedulingView view) {
    keepLastFootprint();
    if (partition != null && prefixPassed == partition.prefixNodes()
        && !partition.owns(prefixNumber)) {
      return Strategy.PRUNE; // another part's path: its prefix step has run, its footprint is kept
    }
    Node node;
    if (depth < path.size()) {
      node = path.get(depth);
      if (node.valueChoice || !sameEnabled(node.enabled, view)) {
        throw new ReplayDivergence("systematic search replayed step " + view.step()
            + " and found other threads able to run than before: the program is not"
            + " deterministic under a fixed schedule");
      }
    } else {
      IdSet enabled = enabledSet(view);
      node = new Node(enabled, false, view.current(), preemptions, sleepAfterLastEvent(view),
          carriedFootprints);
      int choice = defaultChoice(node);
      if (choice < 0) return Strategy.PRUNE;
      node.chosen = choice;
      node.backtrack = reduce && !startsPrefixPoint(node, enabled) ? IdSet.of(choice)
          : explorable(node, enabled);
      path.add(node);
    }
    int chosen = node.chosen;
    passPrefixPoint(node);
    preemptions = node.preemptionsAfter(chosen);
    if (reduce) {
      for (HappensBefore.Event racing : hb.execute(chosen, depth, view.pendingOperation(chosen),
          view.pendingLocation(chosen))) {
        addBacktrack(racing, chosen);
      }
      if (sleepSets) {
        lastEvent = hb.events().get(hb.events().size() - 1);
        carriedSleep = node.sleep.copy();
        carriedSleep.addAll(node.done);
        carriedSleep.remove(chosen);
        carriedFootprints = footprintsOf(carriedSleep, node);
        lastView = view;
      }
    }
    depth++;
    return chosen;
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    Node node;
    if (depth < path.size()) {
      node = path.get(depth);
    } else {
      node = new Node(IdSet.range(bound), true, -1, preemptions, new IdSet(), Map.of());
      node.backtrack = IdSet.range(bound);
      startsPrefixPoint(node, node.backtrack);
      path.add(node);
    }
    passPrefixPoint(node);
    depth++;
    return node.chosen;
  }

  @Override
  public void accessed(int thread, Operation op, long location) {
    // An access between scheduling points races like its step's own: without the backtrack points
    // it calls for, the order in which it comes second would never be tried. So do the start of a
    // class's initializer and a thread's first use of a class another thread initialized: no step
    // of their own, yet their order decides which thread runs the initializer.
    if (!reduce) return;
    for (HappensBefore.Event racing : hb.access(thread, op, location)) {
      addBacktrack(racing, thread);
    }
  }

  @Override
  public void endExecution(int steps) {
    keepLastFootprint();
    path.subList(Math.min(depth, path.size()), path.size()).clear(); // a pruned run's stale tail
    while (!path.isEmpty()) {
      Node node = path.get(path.size() - 1);
      node.done.add(node.chosen);
      IdSet open = explorable(node, node.backtrack);
      open.removeAll(node.done);
      if (!open.isEmpty()) {
        node.chosen = open.first();
        return;
      }
      path.remove(path.size() - 1);
    }
    if (iterative && boundCutSomething && bound < maxBound) {
      bound++;
      boundCutSomething = false;
      return; // the empty path starts the next bound's search from the root
    }
    exhausted = true;
  }

  /** New scheduling points change every execution's steps: the tree so far no longer fits. */
  private void startOver() {
    path.clear();
    bound = iterative ? 0 : maxBound;
    boundCutSomething = false;
    exhausted = false;
  }

  @Override
  public boolean hasNextExecution() {
    return !exhausted || racing != null && racing.hasFound();
  }

  @Override
  public boolean coveredEverything() {
    return exhausted && !boundCutSomething && (racing == null || !racing.hasFound());
  }

  /** The preemption bound in force now, or -1. */
  public int currentBound() {
    return bound;
  }

  // ------------------------------------------------------------------ choices

  private static IdSet enabledSet(SchedulingView view) {
    IdSet enabled = new IdSet();
    for (int i = 0; i < view.enabledCount(); i++) enabled.add(view.enabled(i));
    return enabled;
  }

  /** Whether {@code view} offers exactly {@code enabled}; allocates nothing, for replayed steps. */
  private static boolean sameEnabled(IdSet enabled, SchedulingView view) {
    if (enabled.size() != view.enabledCount()) return false;
    for (int i = 0; i < view.enabledCount(); i++) {
      if (!enabled.contains(view.enabled(i))) return false;
    }
    return true;
  }

  /** A new set: the candidates of {@code ids} that are awake and within the preemption bound. */
  private IdSet explorable(Node node, IdSet ids) {
    IdSet open = ids.copy();
    open.removeAll(node.sleep);
    if (bound < 0 || node.valueChoice) return open;
    IdSet within = new IdSet();
    for (int t = open.first(); t >= 0; t = open.next(t + 1)) {
      if (node.preemptionsAfter(t) <= bound) within.add(t);
    }
    if (!within.equals(open)) boundCutSomething = true;
    return within;
  }

  /** The running thread when it may go on, else the lowest explorable thread; -1 if none. */
  private int defaultChoice(Node node) {
    IdSet open = explorable(node, node.enabled);
    return open.contains(node.current) ? node.current : open.first();
  }

  /**
   * The step just ended has all its touches now, those between scheduling points included: they
   * are what that thread's step touches whenever it sleeps at that node later.
   */
  private void keepLastFootprint() {
    if (lastEvent != null && lastEvent.node < path.size()) {
      path.get(lastEvent.node).footprints.put(lastEvent.thread, List.copyOf(lastEvent.touches));
    }
  }

  /**
   * What the step of each of {@code sleepers} touches, as {@code node} knows it: explored from
   * there, or carried there asleep. Only sleepers' footprints are ever looked up, so only theirs are
   * carried on: a copy of every footprint the path has seen would grow with the threads at each
   * step.
   */
  private static Map<Integer, List<HappensBefore.Touch>> footprintsOf(IdSet sleepers, Node node) {
    if (sleepers.isEmpty()) return Map.of();
    Map<Integer, List<HappensBefore.Touch>> carried = new HashMap<>();
    for (int t = sleepers.first(); t >= 0; t = sleepers.next(t + 1)) {
      List<HappensBefore.Touch> footprint = node.footprints.get(t);
      if (footprint == null) footprint = node.sleepFootprints.get(t);
      if (footprint != null) carried.put(t, footprint);
    }
    return carried;
  }

  /** Sleep set on arrival at a new node: sleepers the last event did not wake. */
  private IdSet sleepAfterLastEvent(SchedulingView view) {
    IdSet sleep = new IdSet();
    if (!sleepSets || lastEvent == null) return sleep;
    for (int t = carriedSleep.first(); t >= 0; t = carriedSleep.next(t + 1)) {
      boolean wakes = HappensBefore.dependent(lastEvent, t, lastView.pendingOperation(t),
          lastView.pendingLocation(t))
          || HappensBefore.dependent(lastEvent, carriedFootprints.get(t));
      if (!wakes && t < view.threadCount()) sleep.add(t);
    }
    return sleep;
  }

  // ------------------------------------------------------------------ partition

  /**
   * Marks a new node as a prefix point when it is one ({@link Partition}): a branching point among
   * the first ones of the path, explored with every choice it offers of {@code candidates}.
   */
  private boolean startsPrefixPoint(Node node, IdSet candidates) {
    if (partition == null || prefixPassed >= partition.prefixNodes()) return false;
    IdSet options = node.valueChoice ? candidates.copy() : explorable(node, candidates);
    if (options.size() < 2) return false;
    node.prefixOptions = options;
    return true;
  }

  /** The path goes through {@code node}: a prefix point adds its choice to the prefix's number. */
  private void passPrefixPoint(Node node) {
    if (node.prefixOptions == null) return;
    int rank = 0;
    for (int t = node.prefixOptions.first(); t >= 0 && t < node.chosen;
        t = node.prefixOptions.next(t + 1)) {
      rank++;
    }
    prefixNumber = (prefixNumber * node.prefixOptions.size() + rank) % partition.parts();
    prefixPassed++;
  }

  // ------------------------------------------------------------------ DPOR

  /**
   * The event {@code racing} (earlier) races with {@code thread}'s event now being taken: make sure
   * the search will try, at {@code racing}'s node, a thread that can start the reversed order.
   */
  private void addBacktrack(HappensBefore.Event racing, int thread) {
    addBacktrackAt(racing.node, racing, thread);
    if (bound >= 0) {
      // The latest node up to the race where the running thread was switched out anyway: there,
      // running the other thread costs no preemption.
      for (int d = racing.node; d >= 0; d--) {
        Node n = path.get(d);
        if (!n.valueChoice && n.chosen != n.current) {
          if (d != racing.node) {
            if (n.enabled.contains(thread)) {
              n.backtrack.add(thread);
            } else {
              n.backtrack.addAll(n.enabled);
            }
          }
          break;
        }
      }
    }
  }

  private void addBacktrackAt(int nodeIndex, HappensBefore.Event racing, int thread) {
    Node node = path.get(nodeIndex);
    IdSet initials = initialsOfReversal(racing, thread);
    initials.retainAll(node.enabled);
    if (initials.intersects(node.backtrack) || initials.intersects(node.sleep)) return;
    if (!initials.isEmpty()) {
      node.backtrack.add(initials.contains(thread) ? thread : initials.first());
    } else {
      IdSet awake = node.enabled.copy();
      awake.removeAll(node.sleep);
      node.backtrack.addAll(awake);
    }
  }

  /**
   * Threads whose next event could come first in {@code notdep(racing).thread}: the events after
   * {@code racing} that do not happen after it, followed by {@code thread}'s new event.
   */
  private IdSet initialsOfReversal(HappensBefore.Event racing, int thread) {
    List<HappensBefore.Event> events = hb.events();
    HappensBefore.Event now = hb.lastEventOf(thread);
    List<HappensBefore.Event> notdep = new ArrayList<>();
    IdSet initials = new IdSet();
    // The new event is the last, or nearly: it is searched for from the end.
    for (int i = events.indexOf(racing) + 1, end = events.lastIndexOf(now); i < end; i++) {
      HappensBefore.Event e = events.get(i);
      if (racing.happensBefore(e.clock)) continue;
      if (!hasPredecessor(notdep, e)) initials.add(e.thread);
      notdep.add(e);
    }
    if (!hasPredecessor(notdep, now)) initials.add(thread);
    return initials;
  }

  private static boolean hasPredecessor(List<HappensBefore.Event> earlier, HappensBefore.Event e) {
    for (HappensBefore.Event d : earlier) {
      if (d.thread == e.thread || d.happensBefore(e.clock)) return true;
    }
    return false;
  }
}
