package dev.weft.scheduler.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.scheduler.strategy.Shrinking.Preemption;
import dev.weft.scheduler.testing.FixedView;
import dev.weft.scheduler.trace.Choices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Following a candidate where it fits, and not preempting where it does not. */
class ShrinkingTest {
  private static Choices threads(int... ids) {
    Choices c = new Choices();
    for (int id : ids) c.add(ChoiceKind.THREAD, id);
    return c.copy();
  }

  @Test
  void followsTheCandidateAndNotesItsPreemptions() {
    Shrinking s = new Shrinking(threads(1, 0, 2));
    s.beginExecution(7);
    FixedView view = new FixedView();
    assertEquals(1, s.pickThread(view.set(1, 0, 3, 0, 1, 2)));
    assertEquals(0, s.pickThread(view.set(2, 1, 3, 0, 2))); // T1 blocked: not a preemption
    assertEquals(2, s.pickThread(view.set(3, 0, 3, 0, 2)));
    assertEquals(List.of(new Preemption(0, 0), new Preemption(2, 0)), s.preemptions());
  }

  @Test
  void whereTheCandidateDoesNotFitItKeepsTheCurrentThreadElseTheLowestEnabled() {
    Shrinking s = new Shrinking(threads(2, 1));
    s.beginExecution(7);
    FixedView view = new FixedView();
    assertEquals(1, s.pickThread(view.set(1, 1, 3, 0, 1))); // T2 is not enabled: T1 goes on
    assertEquals(1, s.pickThread(view.set(2, 1, 3, 1, 2))); // T1 named and enabled
    assertEquals(2, s.pickThread(view.set(3, 1, 3, 2))); // ran out, T1 blocked: lowest enabled
    assertEquals(0, s.pickThread(view.set(4, 3, 4, 0, 2))); // T3 ended: lowest enabled
    assertEquals(List.of(), s.preemptions());
  }

  @Test
  void valueChoicesFollowTheCandidateWhereTheyFitElseZero() {
    Choices c = Choices.of(new ChoiceKind[] {ChoiceKind.NOTIFY, ChoiceKind.NOTIFY,
        ChoiceKind.THREAD}, new int[] {1, 5, 1});
    Shrinking s = new Shrinking(c);
    s.beginExecution(7);
    assertEquals(1, s.pickValue(ChoiceKind.NOTIFY, 3));
    assertEquals(0, s.pickValue(ChoiceKind.NOTIFY, 3)); // 5 is out of bounds
    assertEquals(0, s.pickValue(ChoiceKind.NOTIFY, 3)); // a thread entry is no value
  }

  @Test
  void everyExecutionStartsAfresh() {
    Shrinking s = new Shrinking(threads(1));
    FixedView view = new FixedView();
    for (int run = 0; run < 2; run++) {
      s.beginExecution(run);
      assertEquals(1, s.pickThread(view.set(1, 0, 2, 0, 1)));
      assertEquals(List.of(new Preemption(0, 0)), s.preemptions());
    }
  }
}
