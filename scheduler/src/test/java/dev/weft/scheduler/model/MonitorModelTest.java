package dev.weft.scheduler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorModelTest {
  @Test
  void aFreeMonitorIsFreeForEveryone() {
    MonitorModel m = new MonitorModel();
    assertEquals(-1, m.owner());
    assertTrue(m.isFreeFor(0));
    assertTrue(m.isFreeFor(5));
  }

  @Test
  void reentryCountsAndOnlyTheLastExitFrees() {
    MonitorModel m = new MonitorModel();
    m.enter(1, 10);
    m.enter(1, 11);
    assertEquals(1, m.owner());
    assertEquals(10, m.acquireSite(), "the site of the first entry");
    assertTrue(m.isFreeFor(1));
    assertFalse(m.isFreeFor(2));

    m.exit(1);
    assertEquals(1, m.owner(), "still held once");
    assertFalse(m.isFreeFor(2));
    m.exit(1);
    assertEquals(-1, m.owner());
    assertEquals(-1, m.acquireSite());
    assertTrue(m.isFreeFor(2));
  }

  @Test
  void anExitByAnotherThreadChangesNothing() {
    MonitorModel m = new MonitorModel();
    m.enter(1, 10);
    m.exit(2);
    assertEquals(1, m.owner());
  }

  @Test
  void waitReleasesFullyAndReacquireRestoresTheDepth() {
    MonitorModel m = new MonitorModel();
    m.enter(1, 10);
    m.enter(1, 10);
    m.enter(1, 10);

    int depth = m.releaseAll(1);
    assertEquals(3, depth);
    assertEquals(-1, m.owner());
    assertTrue(m.isFreeFor(2));
    assertEquals(List.of(1), m.waitSet());

    m.enter(2, 20); // another thread uses it meanwhile
    m.releaseAll(2);
    assertEquals(List.of(1, 2), m.waitSet(), "in the order they waited");

    m.leaveWaitSet(1);
    m.reacquire(1, depth, 30);
    assertEquals(1, m.owner());
    assertEquals(30, m.acquireSite());
    assertEquals(List.of(2), m.waitSet());
    m.exit(1);
    m.exit(1);
    assertEquals(1, m.owner(), "two of three levels released");
    m.exit(1);
    assertEquals(-1, m.owner());
  }
}
