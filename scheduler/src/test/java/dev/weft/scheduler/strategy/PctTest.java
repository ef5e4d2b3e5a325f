package dev.weft.scheduler.strategy;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.testing.FixedView;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PctTest {
  @Test
  void theSameSeedGivesTheSameChoices() {
    Set<Choices> distinct = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Choices first = Scheduler.execute(
          config(), new Pct(3, 30), seed(i), RandomWalkTest.THREE_WRITERS).choices();
      Choices second = Scheduler.execute(
          config(), new Pct(3, 30), seed(i), RandomWalkTest.THREE_WRITERS).choices();
      assertEquals(first, second, "seed " + i);
      distinct.add(first);
    }
    assertTrue(distinct.size() >= 5, "seeds gave only " + distinct.size() + " schedules");
  }

  /** Picks of one execution of {@code pct} when the same threads stay enabled for 100 steps. */
  private static Set<Integer> picksWithAConstantEnabledSet(Pct pct, long seed) {
    pct.beginExecution(seed);
    FixedView view = new FixedView();
    Set<Integer> picks = new HashSet<>();
    int current = 0;
    for (int step = 1; step <= 100; step++) {
      current = pct.pickThread(view.set(step, current, 3, 0, 1, 2));
      picks.add(current);
    }
    return picks;
  }

  @Test
  void aChangePointOnAStepWithoutAChoiceStillTakesEffect() {
    // Depth 2 over an estimate of 1 step: the only change point is step 1. The strategy is first
    // consulted at step 5, so the change must apply there, demoting the thread running then.
    for (int i = 0; i < 50; i++) {
      Pct pct = new Pct(2, 1);
      pct.beginExecution(seed(i));
      FixedView view = new FixedView();
      int first = pct.pickThread(view.set(5, 0, 2, 0, 1));
      int second = pct.pickThread(view.set(6, first, 2, 0, 1));
      assertEquals(1, first, "seed " + i + ": thread 0, running at the change point, is demoted");
      assertEquals(1, second, "seed " + i);
    }
  }

  @Test
  void depthOneNeverPreemptsTheRunningThreadWhileItIsEnabled() {
    Set<Integer> firstChoices = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Set<Integer> picks = picksWithAConstantEnabledSet(new Pct(1, 100), seed(i));
      assertEquals(1, picks.size(), "seed " + i + " switched between " + picks);
      firstChoices.addAll(picks);
    }
    assertEquals(Set.of(0, 1, 2), firstChoices, "priorities are random");
  }

  @Test
  void depthThreeChangesPriorityAtItsChangePoints() {
    int switched = 0;
    for (int i = 0; i < 200; i++) {
      if (picksWithAConstantEnabledSet(new Pct(3, 100), seed(i)).size() > 1) switched++;
    }
    assertTrue(switched > 100, "only " + switched + " of 200 executions had a preemption");
  }

  /** Whether each worker's events form one block in the trace: it was never preempted. */
  private static boolean workersRanWithoutPreemption(List<TraceEvent> trace) {
    Set<Integer> finished = new HashSet<>();
    int last = -1;
    for (TraceEvent e : trace) {
      if (e.thread() != last) {
        if (finished.contains(e.thread())) return false;
        if (last > 0) finished.add(last); // the body (T0) is preempted when it starts a worker
        last = e.thread();
      }
    }
    return true;
  }

  @Test
  void depthOneRunsEachWorkerToItsEndInARealExecution() {
    Pct pct = new Pct(1, 30);
    for (int i = 0; i < 100; i++) {
      ExecutionResult r = Scheduler.execute(traced(), pct, seed(i), RandomWalkTest.THREE_WRITERS);
      assertEquals(Outcome.PASSED, r.outcome(), r.report());
      assertTrue(workersRanWithoutPreemption(r.trace()), "seed " + i + ": " + r.trace());
    }
    Pct deeper = new Pct(3, 30);
    int preempted = 0;
    for (int i = 0; i < 100; i++) {
      ExecutionResult r = Scheduler.execute(traced(), deeper, seed(i), RandomWalkTest.THREE_WRITERS);
      if (!workersRanWithoutPreemption(r.trace())) preempted++;
    }
    assertTrue(preempted > 0, "the check never fails, so it proves nothing");
  }

  @Test
  void depthMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new Pct(0, 10));
  }
}
