package dev.weft.testbench.bench;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The queues of {@link LinearizabilityBench}: a sequential model, Michael and Scott's lock-free
 * queue (PODC 1996), and the same queue with a bug, whose offer links its node with a plain set
 * after seeing the last node's next empty, instead of a compare-and-set: two offers that see the
 * same last node both link, and one node is lost.
 */
public final class BenchQueues {
  private BenchQueues() {}

  /** What every queue here offers. */
  public interface Queue {
    void offer(int value);

    /** The head value, removed; null when empty. */
    Integer poll();
  }

  /** The sequential model. */
  public static final class Sequential extends DequeModel implements Queue {
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
    public void offer(int value) {
      items.offer(value);
    }

    @Override
    public Integer poll() {
      return items.poll();
    }
  }

  private static final class Node {
    final Integer value;
    final AtomicReference<Node> next = new AtomicReference<>();

    Node(Integer value) {
      this.value = value;
    }
  }

  /** Michael and Scott's queue: a sentinel head, a tail that may lag one node behind. */
  public static class MichaelScott implements Queue {
    final AtomicReference<Node> head;
    final AtomicReference<Node> tail;

    public MichaelScott() {
      Node sentinel = new Node(null);
      head = new AtomicReference<>(sentinel);
      tail = new AtomicReference<>(sentinel);
    }

    @Override
    public void offer(int value) {
      Node node = new Node(value);
      while (true) {
        Node last = tail.get();
        Node next = last.next.get();
        if (last != tail.get()) continue;
        if (next != null) {
          tail.compareAndSet(last, next); // help a lagging tail along
        } else if (link(last, node)) {
          tail.compareAndSet(last, node);
          return;
        }
      }
    }

    /** Links {@code node} after {@code last}, whose next was seen empty; false if it no longer is. */
    boolean link(Node last, Node node) {
      return last.next.compareAndSet(null, node);
    }

    @Override
    public Integer poll() {
      while (true) {
        Node first = head.get();
        Node last = tail.get();
        Node next = first.next.get();
        if (first != head.get()) continue;
        if (next == null) return null;
        if (first == last) {
          tail.compareAndSet(last, next);
        } else if (head.compareAndSet(first, next)) {
          return next.value;
        }
      }
    }
  }

  /** Links with a plain set: an offer racing with another that linked first overwrites it. */
  public static final class LostOffer extends MichaelScott {
    @Override
    boolean link(Node last, Node node) {
      last.next.set(node);
      return true;
    }
  }
}
