package dev.weft.scheduler.strategy.dfs;

import dev.weft.scheduler.race.RacingSites;
import dev.weft.scheduler.runtime.Operation;
import dev.weft.scheduler.strategy.ChoiceKind;
import dev.weft.scheduler.strategy.ReplayDivergence;
import dev.weft.scheduler.strategy.SchedulingView;
import dev.weft.scheduler.strategy.Strategy;
import java.util.ArrayList;
import java.util.List;

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
 * <p>Deterministic: no seed. At most 64 threads.
 */
public final class Dfs implements Strategy {
  private final boolean reduce;
  /** Sleep sets: with reduction and no bound. */
  private final boolean sleepSets;
  private final int maxBound;
  private final boolean iterative;

  /** The plain-access sites it schedules, or null when plain accesses are not watched. */
  private final RacingSites racing;

  private final List<Node> path = new ArrayList<>();
  private final HappensBefore hb = new HappensBefore();
  private int bound;
  private boolean boundCutSomething;
  private boolean exhausted;

  // Per execution.
  private int depth;
  private int preemptions;
  private long carriedSleep;
  private HappensBefore.Event lastEvent;
  private SchedulingView lastView;

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
    this.racing = racing;
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
    carriedSleep = 0;
    lastEvent = null;
    hb.clear();
  }

  @Override
  public int pickThread(SchedulingView view) {
    long enabled = enabledMask(view);
    long sleep = sleepAfterLastEvent(view);
    Node node;
    if (depth < path.size()) {
      node = path.get(depth);
      if (node.valueChoice || node.enabled != enabled) {
        throw new ReplayDivergence("systematic search replayed step " + view.step()
            + " and found other threads able to run than before: the program is not"
            + " deterministic under a fixed schedule");
      }
    } else {
      node = new Node(enabled, false, view.current(), preemptions, sleep);
      int choice = defaultChoice(node);
      if (choice < 0) return Strategy.PRUNE;
      node.chosen = choice;
      node.backtrack = reduce ? Node.bit(choice) : explorable(node, enabled);
      path.add(node);
    }
    int chosen = node.chosen;
    preemptions = node.preemptionsAfter(chosen);
    if (reduce) {
      for (HappensBefore.Event racing : hb.execute(chosen, depth, view.pendingOperation(chosen),
          view.pendingLocation(chosen))) {
        addBacktrack(racing, chosen);
      }
      if (sleepSets) {
        lastEvent = hb.events().get(hb.events().size() - 1);
        carriedSleep = (node.sleep | node.done) & ~Node.bit(chosen);
        lastView = view;
      }
    }
    depth++;
    return chosen;
  }

  @Override
  public int pickValue(ChoiceKind kind, int bound) {
    if (bound > 64) throw new IllegalStateException("systematic search supports at most 64 values");
    Node node;
    if (depth < path.size()) {
      node = path.get(depth);
    } else {
      long all = bound == 64 ? -1L : (1L << bound) - 1;
      node = new Node(all, true, -1, preemptions, 0);
      node.backtrack = all;
      path.add(node);
    }
    depth++;
    return node.chosen;
  }

  @Override
  public void accessed(int thread, Operation op, long location) {
    // An access between scheduling points races like its step's own: without the backtrack points
    // it calls for, the order in which it comes second would never be tried.
    if (!reduce) return;
    for (HappensBefore.Event racing : hb.access(thread, op, location)) {
      addBacktrack(racing, thread);
    }
  }

  @Override
  public void endExecution(int steps) {
    path.subList(Math.min(depth, path.size()), path.size()).clear(); // a pruned run's stale tail
    while (!path.isEmpty()) {
      Node node = path.get(path.size() - 1);
      node.done |= Node.bit(node.chosen);
      long open = explorable(node, node.backtrack) & ~node.done;
      if (open != 0) {
        node.chosen = Long.numberOfTrailingZeros(open);
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

  private static long enabledMask(SchedulingView view) {
    long mask = 0;
    for (int i = 0; i < view.enabledCount(); i++) {
      int t = view.enabled(i);
      if (t >= 64) throw new IllegalStateException("systematic search supports at most 64 threads");
      mask |= 1L << t;
    }
    return mask;
  }

  /** The candidates of {@code mask} that are awake and within the preemption bound. */
  private long explorable(Node node, long mask) {
    long open = mask & ~node.sleep;
    if (bound < 0 || node.valueChoice) return open;
    long within = 0;
    for (long m = open; m != 0; m &= m - 1) {
      int t = Long.numberOfTrailingZeros(m);
      if (node.preemptionsAfter(t) <= bound) within |= 1L << t;
    }
    if (within != open) boundCutSomething = true;
    return within;
  }

  /** The running thread when it may go on, else the lowest explorable thread; -1 if none. */
  private int defaultChoice(Node node) {
    long open = explorable(node, node.enabled);
    if (open == 0) return -1;
    if ((open & Node.bit(node.current)) != 0) return node.current;
    return Long.numberOfTrailingZeros(open);
  }

  /** Sleep set on arrival at a new node: sleepers the last event did not wake. */
  private long sleepAfterLastEvent(SchedulingView view) {
    if (!sleepSets || lastEvent == null) return 0;
    long sleep = 0;
    for (long m = carriedSleep; m != 0; m &= m - 1) {
      int t = Long.numberOfTrailingZeros(m);
      boolean wakes = HappensBefore.dependent(lastEvent, t, lastView.pendingOperation(t),
          lastView.pendingLocation(t));
      if (!wakes && t < view.threadCount()) sleep |= 1L << t;
    }
    return sleep;
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
            n.backtrack |= (n.enabled & Node.bit(thread)) != 0 ? Node.bit(thread) : n.enabled;
          }
          break;
        }
      }
    }
  }

  private void addBacktrackAt(int nodeIndex, HappensBefore.Event racing, int thread) {
    Node node = path.get(nodeIndex);
    long initials = initialsOfReversal(racing, thread) & node.enabled;
    if ((initials & (node.backtrack | node.sleep)) != 0) return;
    if (initials != 0) {
      int pick = (initials & Node.bit(thread)) != 0 ? thread : Long.numberOfTrailingZeros(initials);
      node.backtrack |= Node.bit(pick);
    } else {
      node.backtrack |= node.enabled & ~node.sleep;
    }
  }

  /**
   * Threads whose next event could come first in {@code notdep(racing).thread}: the events after
   * {@code racing} that do not happen after it, followed by {@code thread}'s new event.
   */
  private long initialsOfReversal(HappensBefore.Event racing, int thread) {
    List<HappensBefore.Event> events = hb.events();
    HappensBefore.Event now = hb.lastEventOf(thread);
    List<HappensBefore.Event> notdep = new ArrayList<>();
    long initials = 0;
    // The new event is the last, or nearly: it is searched for from the end.
    for (int i = events.indexOf(racing) + 1, end = events.lastIndexOf(now); i < end; i++) {
      HappensBefore.Event e = events.get(i);
      if (racing.happensBefore(e.clock)) continue;
      if (!hasPredecessor(notdep, e)) initials |= Node.bit(e.thread);
      notdep.add(e);
    }
    if (!hasPredecessor(notdep, now)) initials |= Node.bit(thread);
    return initials;
  }

  private static boolean hasPredecessor(List<HappensBefore.Event> earlier, HappensBefore.Event e) {
    for (HappensBefore.Event d : earlier) {
      if (d.thread == e.thread || d.happensBefore(e.clock)) return true;
    }
    return false;
  }
}
