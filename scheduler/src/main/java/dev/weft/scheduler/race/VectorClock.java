package dev.weft.scheduler.race;

import java.util.Arrays;

/**
 * A vector clock: component {@code t} counts the synchronization epochs of thread {@code t} that
 * happen before the clock's holder. Mutable and unsynchronized, like everything the turn's holder
 * touches.
 */
final class VectorClock {
  private int[] components;

  VectorClock() {
    components = new int[4];
  }

  private VectorClock(int[] components) {
    this.components = components;
  }

  int get(int thread) {
    return thread < components.length ? components[thread] : 0;
  }

  void set(int thread, int value) {
    ensure(thread);
    components[thread] = value;
  }

  void increment(int thread) {
    set(thread, get(thread) + 1);
  }

  /** Takes the component-wise maximum with {@code other}. */
  void join(VectorClock other) {
    int[] theirs = other.components;
    ensure(theirs.length - 1);
    for (int i = 0; i < theirs.length; i++) {
      if (theirs[i] > components[i]) components[i] = theirs[i];
    }
  }

  VectorClock copy() {
    return new VectorClock(components.clone());
  }

  private void ensure(int thread) {
    if (thread >= components.length) {
      components = Arrays.copyOf(components, Math.max(thread + 1, components.length * 2));
    }
  }
}
