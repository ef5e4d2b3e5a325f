package dev.weft.testbench.bench;

import java.util.ArrayDeque;

/**
 * The deques of {@link LinearizabilityBench}: the JDK's own, {@code ConcurrentLinkedDeque} (not
 * linearizable: a peek at one end racing with a poll at the other) and {@code LinkedBlockingDeque}
 * (one lock), and the sequential model Lincheck calls by name.
 */
public final class BenchDeques {
  private BenchDeques() {}

  /** The sequential model, for Lincheck; Weft's check uses an {@code ArrayDeque} directly. */
  public static final class Sequential extends DequeModel {
    public Sequential() {
      super(new ArrayDeque<>());
    }

    public void addFirst(int value) {
      items.addFirst(value);
    }

    public void addLast(int value) {
      items.addLast(value);
    }

    public Integer pollFirst() {
      return items.pollFirst();
    }

    public Integer peekLast() {
      return items.peekLast();
    }
  }
}
