package dev.weft.scheduler.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.weft.scheduler.view.ChoiceKind;

import dev.weft.scheduler.strategy.Shrinking.Segment;
import dev.weft.scheduler.testing.FixedView;
import dev.weft.scheduler.trace.Choices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Following a plan of segments, and not preempting where it has nothing to say. */
class ShrinkingTest {
  private static final Choices NONE = new Choices().copy();

  @Test
  void eachSegmentRunsItsThreadUpToItsOwnStepCount() {
    Shrinking s = new Shrinking(List.of(new Segment(0, 2), new Segment(1, 1), new Segment(0, 3)),
        NONE);
    assertTrue(s.observesEveryStep(), "a plan counts steps where only one thread can run");
    s.beginExecution(7);
    FixedView view = new FixedView();
    assertEquals(0, s.pickThread(view.set(1, 0, 2, 0)));
    assertEquals(0, s.pickThread(view.set(2, 0, 2, 0, 1)));
    assertEquals(1, s.pickThread(view.set(3, 0, 2, 0, 1)));
    assertEquals(0, s.pickThread(view.set(4, 1, 2, 0, 1)));
    assertEquals(0, s.pickThread(view.set(5, 0, 2, 0, 1)), "used up: T0 goes on");
  }

  @Test
  void aDroppedSegmentsStepsAreTakenInTheThreadsNextSegment() {
    // As recorded: T1 ran its first step, T0 two, T1 two more. With T1's first segment dropped,
    // its next one runs it to three steps at once.
    Shrinking s = new Shrinking(List.of(new Segment(0, 2), new Segment(1, 3)), NONE);
    s.beginExecution(7);
    FixedView view = new FixedView();
    int[] ran = new int[5];
    for (int i = 0; i < 5; i++) ran[i] = s.pickThread(view.set(i + 1, 0, 2, 0, 1));
    assertEquals(List.of(0, 0, 1, 1, 1), List.of(ran[0], ran[1], ran[2], ran[3], ran[4]));
  }

  @Test
  void aSegmentWhoseThreadCannotRunIsPassedAndTheFallbackNeverPreempts() {
    Shrinking s = new Shrinking(List.of(new Segment(2, 5), new Segment(1, 1)), NONE);
    s.beginExecution(7);
    FixedView view = new FixedView();
    assertEquals(1, s.pickThread(view.set(1, 0, 3, 0, 1)), "T2 blocked: on to T1's segment");
    assertEquals(1, s.pickThread(view.set(2, 1, 3, 0, 1)), "used up: T1 goes on");
    assertEquals(0, s.pickThread(view.set(3, 1, 3, 0, 2)), "T1 blocked: the lowest enabled id");
  }

  @Test
  void valueChoicesFollowTheRecordedOnesWhereTheyFitElseZero() {
    Choices recorded = Choices.of(new ChoiceKind[] {ChoiceKind.NOTIFY, ChoiceKind.THREAD,
        ChoiceKind.NOTIFY, ChoiceKind.NOTIFY}, new int[] {1, 0, 5, 2});
    Shrinking s = new Shrinking(List.of(), recorded);
    s.beginExecution(7);
    assertEquals(1, s.pickValue(ChoiceKind.NOTIFY, 3));
    assertEquals(0, s.pickValue(ChoiceKind.NOTIFY, 3), "5 is out of bounds");
    assertEquals(2, s.pickValue(ChoiceKind.NOTIFY, 3));
    assertEquals(0, s.pickValue(ChoiceKind.NOTIFY, 3), "none left");
  }

  @Test
  void everyExecutionStartsAfresh() {
    Shrinking s = new Shrinking(List.of(new Segment(1, 1)), NONE);
    FixedView view = new FixedView();
    for (int run = 0; run < 2; run++) {
      s.beginExecution(run);
      assertEquals(1, s.pickThread(view.set(1, 0, 2, 0, 1)));
      assertEquals(1, s.pickThread(view.set(2, 1, 2, 0, 1)));
    }
  }
}
