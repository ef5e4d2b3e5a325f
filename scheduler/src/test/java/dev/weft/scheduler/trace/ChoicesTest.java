package dev.weft.scheduler.trace;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.firstBug;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.notifyOne;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.waitOn;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.strategy.Replay;
import dev.weft.scheduler.view.ChoiceKind;
import org.junit.jupiter.api.Test;

class ChoicesTest {
  @Test
  void kindsAndValuesRoundTrip() {
    ChoiceKind[] kinds = {ChoiceKind.THREAD, ChoiceKind.NOTIFY, ChoiceKind.THREAD, ChoiceKind.NOTIFY};
    int[] values = {0, 1, (1 << 24) - 1, 7};
    Choices c = Choices.of(kinds, values);

    assertEquals(4, c.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(kinds[i], c.kind(i), "kind " + i);
      assertEquals(values[i], c.value(i), "value " + i);
    }
    Choices added = new Choices();
    for (int i = 0; i < 4; i++) added.add(kinds[i], values[i]);
    assertEquals(c, added);
    assertEquals(c.hashCode(), added.hashCode());
    assertEquals(c, added.copy());
    assertNotEquals(c, Choices.of(new ChoiceKind[] {ChoiceKind.NOTIFY}, new int[] {0}));
    assertNotEquals(Choices.of(new ChoiceKind[] {ChoiceKind.THREAD}, new int[] {1}),
        Choices.of(new ChoiceKind[] {ChoiceKind.NOTIFY}, new int[] {1}), "the kind counts");
  }

  @Test
  void growsAndClears() {
    Choices c = new Choices();
    for (int i = 0; i < 1000; i++) c.add(i % 3 == 0 ? ChoiceKind.NOTIFY : ChoiceKind.THREAD, i);
    assertEquals(1000, c.size());
    assertEquals(999, c.value(999));
    assertEquals(ChoiceKind.NOTIFY, c.kind(999));
    Choices snapshot = c.copy();
    c.clear();
    assertEquals(0, c.size());
    assertEquals(1000, snapshot.size(), "a copy does not share the entries");
    assertEquals(new Choices(), c);
  }

  @Test
  void copiesOfAnEmptyLogStillGrow() {
    Choices empty = new Choices().copy();
    empty.add(ChoiceKind.THREAD, 1);
    Choices built = Choices.of(new ChoiceKind[0], new int[0]);
    built.add(ChoiceKind.NOTIFY, 2);
    assertEquals(1, empty.value(0));
    assertEquals(2, built.value(0));
  }

  @Test
  void rejectsValuesThatDoNotFit() {
    Choices c = new Choices();
    assertThrows(IllegalArgumentException.class, () -> c.add(ChoiceKind.THREAD, -1));
    assertThrows(IllegalArgumentException.class, () -> c.add(ChoiceKind.THREAD, 1 << 24));
  }

  /** Thread and notify choices both: two waiters, then a race to notify. */
  private static final Task WAITERS = () -> {
    Object lock = new Object();
    boolean[] go = {false};
    Task waiter = () -> locked(lock, () -> {
      while (!go[0]) waitOn(lock);
      notifyOne(lock);
    });
    Thread a = start("a", waiter);
    Thread b = start("b", waiter);
    write(lock);
    locked(lock, () -> {
      go[0] = true;
      notifyOne(lock);
    });
    join(a);
    join(b);
    throw new AssertionError("done"); // makes firstBug return the first execution
  };

  @Test
  void theChoicesOfAnExecutionRebuiltFromKindsAndValuesReplayIt() {
    ExecutionResult r = firstBug(config(), new RandomWalk(), 1, WAITERS);
    assertNotNull(r);
    Choices original = r.choices();
    ChoiceKind[] kinds = new ChoiceKind[original.size()];
    int[] values = new int[original.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = original.kind(i);
      values[i] = original.value(i);
    }
    Choices rebuilt = Choices.of(kinds, values);
    assertEquals(original, rebuilt);

    Replay replay = new Replay(rebuilt);
    ExecutionResult again = Scheduler.execute(config(), replay, 0, WAITERS);
    assertEquals(original, again.choices());
    assertEquals(r.outcome(), again.outcome());
    assertEquals(0, replay.remaining());
    assertTrue(kinds.length > 0);
  }
}
