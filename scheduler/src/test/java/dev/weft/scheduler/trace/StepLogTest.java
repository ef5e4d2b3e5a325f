package dev.weft.scheduler.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.testing.FixedView;
import dev.weft.scheduler.view.Operation;
import org.junit.jupiter.api.Test;

/** A step log read back from storage must be one a recording could have made. */
class StepLogTest {
  @Test
  void storedEntriesComeBackAsTheyWere() {
    int last = Operation.values().length - 1;
    // Step 2: T40 runs, T3 and T40 could; two words of a bit set follow its seven ints.
    int[] entries = {0, -1, 0, 0b1, 7, 0, 0, 1, last, 42, 0b11, -5, 3, -9,
        40, 0, 1, -2, 0, 1, 2, 0b1000, 1 << 8};
    StepLog log = StepLog.of(entries);
    assertArrayEquals(entries, log.toArray());
    assertEquals(3, log.size());
    assertArrayEquals(new int[] {3, 40}, log.enabled(2));
    assertEquals(1, log.target(2)); // the fields after the set's marker are the step's own
    assertEquals(2, log.between(2));
  }

  /** A log longer than its first allocation comes back whole from storage and as a copy. */
  @Test
  void aLongLogComesBackWhole() {
    FixedView view = new FixedView();
    StepLog log = new StepLog();
    for (int step = 0; step < 500; step++) {
      int thread = step % 100;
      log.add(view.set(step, thread, 100, thread, 99 - thread), thread);
    }
    StepLog copy = log.copy();
    assertArrayEquals(log.toArray(), copy.toArray());
    assertEquals(500, copy.size());
    assertEquals(77, copy.thread(477));
    assertArrayEquals(new int[] {22, 77}, copy.enabled(477));
  }

  /** Beyond T30 the set is kept exactly: every thread up to the highest, not "some thread". */
  @Test
  void theEnabledSetIsExactForAHundredThreads() {
    FixedView view = new FixedView().set(0, 0, 100, 0, 40, 63, 64, 99);
    StepLog log = new StepLog();
    log.add(view, 64);
    log.add(view.set(1, 64, 100, 0, 41, 63, 64, 99), 99);
    StepLog stored = StepLog.of(log.toArray());
    assertArrayEquals(new int[] {0, 40, 63, 64, 99}, stored.enabled(0));
    assertArrayEquals(new int[] {0, 41, 63, 64, 99}, stored.enabled(1));
    assertTrue(stored.couldRun(0, 40) && !stored.couldRun(0, 41) && !stored.couldRun(0, 100));
    assertEquals(5, stored.enabledCount(1));
    assertTrue(stored.sameEnabled(0, view.set(0, 0, 100, 0, 40, 63, 64, 99)));
    assertFalse(stored.sameEnabled(0, view.set(0, 0, 100, 0, 41, 63, 64, 99)));
    assertFalse(stored.sameEnabled(0, view.set(0, 0, 100, 0, 40, 63, 64)));
    assertEquals(99, stored.thread(1));
  }

  @Test
  void refusesWhatNoRecordingHolds() {
    assertRefused(new int[] {0, 1, 2, 3, 4}, "a step log holds 7 ints per step");
    assertRefused(new int[] {40, 0, 0, -2, 0, 0, 0, 0}, "a step log holds 7 ints per step");
    assertRefused(new int[] {0, 3, 0, 0b1, 0, 0, 0, 0, Operation.values().length, 0, 0b1, 0, 0, 0},
        "step 1 names operation " + Operation.values().length + ", which does not exist");
    assertRefused(new int[] {0, -2, 0, 0b1, 0, 0, 0},
        "step 0 names operation -2, which does not exist");
    assertRefused(new int[] {1, 0, 0, 0b101, 0, 0, 0},
        "step 0 runs thread 1, which is not among the threads it records as able to run");
    assertRefused(new int[] {-1, 0, 0, -1, 0, 0, 0, 1}, "step 0 runs thread -1");
    assertRefused(new int[] {40, 0, 0, 0b1, 0, 0, 0}, "step 0 runs thread 40");
    assertRefused(new int[] {40, 0, 0, -2, 0, 0, 0, 0, 1 << 9}, "step 0 runs thread 40");
  }

  private static void assertRefused(int[] entries, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StepLog.of(entries));
    assertTrue(e.getMessage().startsWith(reason), e.getMessage());
  }
}
