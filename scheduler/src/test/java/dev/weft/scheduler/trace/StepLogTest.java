package dev.weft.scheduler.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.Operation;
import org.junit.jupiter.api.Test;

/** A step log read back from storage must be one a recording could have made. */
class StepLogTest {
  @Test
  void storedEntriesComeBackAsTheyWere() {
    int last = Operation.values().length - 1;
    int[] entries = {0, -1, 0, 0b1, 7, 0, 0, 1, last, 42, 0b11, -5, 3, -9, 40, 0, 1, -1, 0, 1, 2};
    assertArrayEquals(entries, StepLog.of(entries).toArray());
  }

  @Test
  void refusesWhatNoRecordingHolds() {
    assertRefused(new int[] {0, 1, 2, 3, 4}, "a step log holds 7 ints per step");
    assertRefused(new int[] {0, 3, 0, 0b1, 0, 0, 0, 0, Operation.values().length, 0, 0b1, 0, 0, 0},
        "step 1 names operation " + Operation.values().length + ", which does not exist");
    assertRefused(new int[] {0, -2, 0, 0b1, 0, 0, 0},
        "step 0 names operation -2, which does not exist");
    assertRefused(new int[] {1, 0, 0, 0b101, 0, 0, 0},
        "step 0 runs thread 1, which is not among the threads it records as able to run");
    assertRefused(new int[] {-1, 0, 0, -1, 0, 0, 0}, "step 0 runs thread -1");
    assertRefused(new int[] {40, 0, 0, 0b1, 0, 0, 0}, "step 0 runs thread 40");
  }

  private static void assertRefused(int[] entries, String reason) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StepLog.of(entries));
    assertTrue(e.getMessage().startsWith(reason), e.getMessage());
  }
}
