package dev.weft.scheduler.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which JDKs' virtual threads Weft controls, and what it says on the others. */
class VirtualThreadsTest {
  @Test
  void controlledFromJdk24() {
    assertNull(VirtualThreads.refusal(24));
    assertNull(VirtualThreads.refusal(25));
  }

  @Test
  void beforeJdk24TheRefusalSaysWhyAndWhatToDo() {
    assertEquals("Weft controls virtual threads on JDK 24 and later. On JDK 21 a virtual thread"
        + " that waits for its turn inside synchronized keeps its carrier thread, so a few of them"
        + " could take every carrier and hang the exploration. Run on JDK 24+, or use platform"
        + " threads in the code under test (Thread.ofPlatform(), or an executor of platform"
        + " threads).", VirtualThreads.refusal(21));
  }

  @Test
  void platformThreadsAreNeitherVirtualNorCarriers() {
    assertFalse(VirtualThreads.isVirtual(Thread.currentThread()));
    assertFalse(VirtualThreads.isCarrier(Thread.currentThread()));
  }
}
