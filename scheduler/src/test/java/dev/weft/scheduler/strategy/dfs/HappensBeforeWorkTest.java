package dev.weft.scheduler.strategy.dfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.Operation;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The work of recording an execution's happens-before relation grows with its steps, not with
 * their square: a poll that never ends (a thread reading another's state until the step bound) is
 * recorded read by read, and each read used to allocate room for every read of the location
 * before it. Counted in bytes allocated, which do not depend on the machine's speed.
 */
class HappensBeforeWorkTest {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Bytes allocated on this thread to record thread 1 reading thread 0's state {@code n} times. */
  private static long bytesForPolls(int n) {
    HappensBefore hb = new HappensBefore();
    hb.execute(0, 0, Operation.START, Locations.lifecycle(1));
    long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    for (int i = 1; i <= n; i++) hb.execute(1, i, Operation.GET_STATE, Locations.lifecycle(0));
    return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
  }

  @Test
  void aPollThatNeverEndsCostsTheSameForEachRead() {
    bytesForPolls(20_000); // warm-up, so that both counts below are of the same compiled code
    long small = bytesForPolls(20_000);
    long large = bytesForPolls(40_000);
    // Twice the reads: twice the bytes when each read costs the same, four times when each read
    // costs in proportion to the reads before it (3.2 GB for the larger count, as it did).
    assertTrue(large < 3 * small, "20,000 reads: " + small + " bytes; 40,000: " + large);
    assertTrue(large < 40_000L * 2_000, "40,000 reads took " + large + " bytes");
  }
}
