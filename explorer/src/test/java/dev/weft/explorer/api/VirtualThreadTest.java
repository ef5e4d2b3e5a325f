package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.VirtualThreads;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Virtual threads are not controlled yet: starting one stops the exploration with that reason. */
class VirtualThreadTest {
  @Test
  void startingAVirtualThreadIsReportedAtOnceNotLeftToHang() {
    Assumptions.assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(10).testName("virtual-thread").build(),
        VirtualThreads::startOne);
    Failure f = result.failure().orElseThrow();
    assertEquals(FailureKind.UNCONTROLLED, f.kind(), f.message());
    assertEquals(1, result.executions());
    assertTrue(f.summary().startsWith("T0 starts a virtual thread. Weft does not control virtual"
        + " threads yet"), f.summary());
  }
}
