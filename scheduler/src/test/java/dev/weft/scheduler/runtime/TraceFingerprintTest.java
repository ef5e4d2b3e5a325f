package dev.weft.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import dev.weft.scheduler.view.Locations;

import org.junit.jupiter.api.Test;

/** The fingerprint ignores the order of independent steps, and only that, also past growth. */
class TraceFingerprintTest {
  private static final int LOCATIONS = 300; // well past the table's first size

  @Test
  void independentStepsInAnyOrderGiveTheSameFingerprint() {
    TraceFingerprint forward = new TraceFingerprint();
    TraceFingerprint backward = new TraceFingerprint();
    for (int i = 0; i < LOCATIONS; i++) forward.add(1, i, false, Locations.monitor(i + 1));
    for (int i = LOCATIONS - 1; i >= 0; i--) backward.add(1, i, false, Locations.monitor(i + 1));
    assertEquals(forward.value(), backward.value());
  }

  @Test
  void readsBetweenTwoWritesCommuteButWritesDoNot() {
    long x = Locations.monitor(1);
    TraceFingerprint a = new TraceFingerprint();
    a.add(1, 0, false, x);
    a.add(2, 0, true, x);
    a.add(3, 0, true, x);
    TraceFingerprint b = new TraceFingerprint();
    b.add(1, 0, false, x);
    b.add(3, 0, true, x);
    b.add(2, 0, true, x);
    assertEquals(a.value(), b.value(), "two reads after one write, in either order");

    TraceFingerprint c = new TraceFingerprint();
    c.add(2, 0, false, x);
    c.add(1, 0, false, x);
    TraceFingerprint d = new TraceFingerprint();
    d.add(1, 0, false, x);
    d.add(2, 0, false, x);
    assertNotEquals(c.value(), d.value(), "the order of two writes is part of the class");
  }
}
