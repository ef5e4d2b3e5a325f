package dev.weft.testbench.bench;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stacks of {@link LinearizabilityBench}, the testbench's copy of the explorer's test samples
 * ({@code dev.weft.samples.explorer.Stacks}), which are not on this module's class path: a
 * sequential model, Treiber's stack, and a stack whose push and pop read, then set, the top.
 */
public final class BenchStacks {
  private BenchStacks() {}

  /** What every stack here offers. */
  public interface Stack {
    void push(int value);

    /** The top value, removed; null when empty. */
    Integer pop();
  }

  /** The sequential model. */
  public static final class Sequential extends DequeModel implements Stack {
    public Sequential() {
      this(new ArrayDeque<>());
    }

    private Sequential(ArrayDeque<Integer> items) {
      super(items);
    }

    public Sequential copy() {
      return new Sequential(new ArrayDeque<>(items));
    }

    @Override
    public void push(int value) {
      items.push(value);
    }

    @Override
    public Integer pop() {
      return items.poll();
    }
  }

  private record Node(int value, Node next) {}

  /** Treiber's stack: every change is one compare-and-set of the top. */
  public static final class Treiber implements Stack {
    private final AtomicReference<Node> top = new AtomicReference<>();

    @Override
    public void push(int value) {
      Node old;
      do {
        old = top.get();
      } while (!top.compareAndSet(old, new Node(value, old)));
    }

    @Override
    public Integer pop() {
      Node old;
      do {
        old = top.get();
        if (old == null) return null;
      } while (!top.compareAndSet(old, old.next()));
      return old.value();
    }
  }

  /** Reads the top, then sets it: two pushes that read the same top lose one of them. */
  public static final class ReadThenSet implements Stack {
    private final AtomicReference<Node> top = new AtomicReference<>();

    @Override
    public void push(int value) {
      Node old = top.get();
      top.set(new Node(value, old));
    }

    @Override
    public Integer pop() {
      Node old = top.get();
      if (old == null) return null;
      top.set(old.next());
      return old.value();
    }
  }
}
