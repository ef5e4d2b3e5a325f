package dev.weft.explorer.explore;

import dev.weft.scheduler.strategy.Shrinking.Segment;
import dev.weft.scheduler.trace.StepLog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The plans shrinking tries from a failing execution, most promising first. The execution's steps
 * are cut into {@link Segment}s, one per run of a thread; a preemption is a boundary where the
 * thread that stopped could have gone on. In this order:
 *
 * <ol>
 *   <li>cut just before preemption j, for j = 0, 1, ...: only the first j are left;
 *   <li>drop the segment that a preemption switched to, then the one it switched away from, from
 *       the last preemption back: its thread takes those steps in its next segment instead;
 *   <li>undo a preemption, from the last one back: the preempted thread runs on to the end of its
 *       next segment at once;
 *   <li>swap the segment that a preemption switched to with the one after it, from the last
 *       preemption back: a thread that would block at once may free the preempted thread's
 *       successors from needing preemptions of their own;
 *   <li>halve the segment that ends in a preemption, from the last one back: the preemption comes
 *       sooner, and the failure may too;
 *   <li>cut just after the segment that follows the last preemption: the switches after it, each
 *       at a thread that blocked or ended, are left to the plan's fallback, which may need fewer
 *       steps.
 * </ol>
 */
final class ShrinkPlans {
  private ShrinkPlans() {}

  static List<List<Segment>> from(StepLog log) {
    List<Segment> segments = new ArrayList<>();
    List<Integer> preempted = new ArrayList<>(); // indices of segments that ended in a preemption
    int[] taken = new int[8];
    for (int step = 0; step < log.size(); step++) {
      int thread = log.thread(step);
      if (thread >= taken.length) taken = Arrays.copyOf(taken, thread * 2);
      taken[thread]++;
      int last = segments.size() - 1;
      if (last >= 0 && segments.get(last).thread() == thread) {
        segments.set(last, new Segment(thread, taken[thread]));
        continue;
      }
      if (last >= 0 && log.couldRun(step, segments.get(last).thread())) {
        preempted.add(last);
      }
      segments.add(new Segment(thread, taken[thread]));
    }
    return plans(segments, preempted);
  }

  /** The plans, in the order of the list above; {@code preempted} holds segment indices. */
  private static List<List<Segment>> plans(List<Segment> segments, List<Integer> preempted) {
    List<Integer> lastFirst = new ArrayList<>(preempted);
    Collections.reverse(lastFirst);
    List<List<Segment>> plans = new ArrayList<>();
    for (int i : preempted) plans.add(List.copyOf(segments.subList(0, i + 1)));
    for (int i : lastFirst) {
      plans.add(without(segments, i + 1));
      plans.add(without(segments, i));
    }
    for (int i : lastFirst) addIfAny(plans, undone(segments, i));
    for (int i : lastFirst) addIfAny(plans, swappedAfter(segments, i));
    for (int i : lastFirst) addIfAny(plans, halved(segments, i));
    int afterLast = preempted.isEmpty() ? 0 : preempted.get(preempted.size() - 1) + 2;
    if (afterLast < segments.size()) plans.add(List.copyOf(segments.subList(0, afterLast)));
    return plans;
  }

  private static void addIfAny(List<List<Segment>> plans, List<Segment> plan) {
    if (plan != null) plans.add(plan);
  }

  private static List<Segment> without(List<Segment> segments, int index) {
    List<Segment> plan = new ArrayList<>(segments);
    plan.remove(index);
    return plan;
  }

  /** Segment {@code i} extended to its thread's next segment, which goes; null if none. */
  private static List<Segment> undone(List<Segment> segments, int i) {
    for (int k = i + 2; k < segments.size(); k++) {
      if (segments.get(k).thread() == segments.get(i).thread()) {
        List<Segment> plan = new ArrayList<>(segments);
        plan.set(i, plan.remove(k));
        return plan;
      }
    }
    return null;
  }

  /** The two segments after segment {@code i} swapped; null if there are not two. */
  private static List<Segment> swappedAfter(List<Segment> segments, int i) {
    if (i + 2 >= segments.size()) return null;
    List<Segment> plan = new ArrayList<>(segments);
    Collections.swap(plan, i + 1, i + 2);
    return plan;
  }

  /** Segment {@code i} ending halfway; null if it is a single step. */
  private static List<Segment> halved(List<Segment> segments, int i) {
    Segment s = segments.get(i);
    int length = s.until() - stepsBefore(segments, i);
    if (length < 2) return null;
    List<Segment> plan = new ArrayList<>(segments);
    plan.set(i, new Segment(s.thread(), s.until() - length / 2));
    return plan;
  }

  /** The steps segment {@code i}'s thread took before it. */
  private static int stepsBefore(List<Segment> segments, int i) {
    for (int k = i - 1; k >= 0; k--) {
      if (segments.get(k).thread() == segments.get(i).thread()) return segments.get(k).until();
    }
    return 0;
  }
}
