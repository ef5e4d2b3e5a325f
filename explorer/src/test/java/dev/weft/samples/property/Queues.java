package dev.weft.samples.property;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/** Queues of ints for the lock-free queue example: one loses its atomicity on pop, one does not. */
public final class Queues {
  private Queues() {}

  /** A queue of ints; {@code pop} gives null when empty. */
  public interface IntQueue {
    void push(int item);

    Integer pop();
  }

  /**
   * A Michael-Scott queue (PODC 1996) whose push links and swings the tail with compare-and-set, as
   * the paper does, but whose pop moves the head with a plain write instead of a compare-and-set:
   * two threads that read the same head both take its successor, so one item is popped twice.
   */
  public static final class BrokenMichaelScott implements IntQueue {
    private static final class Node {
      final int item;
      final AtomicReference<Node> next = new AtomicReference<>();

      Node(int item) {
        this.item = item;
      }
    }

    private volatile Node head = new Node(0); // a dummy node: the queue's items follow it
    private final AtomicReference<Node> tail = new AtomicReference<>(head);

    @Override
    public void push(int item) {
      Node node = new Node(item);
      while (true) {
        Node last = tail.get();
        Node next = last.next.get();
        if (next != null) {
          tail.compareAndSet(last, next); // help a push that linked but has not swung the tail
        } else if (last.next.compareAndSet(null, node)) {
          tail.compareAndSet(last, node);
          return;
        }
      }
    }

    @Override
    public Integer pop() {
      Node first = head;
      Node next = first.next.get();
      if (next == null) return null;
      head = next; // the bug: the paper compare-and-sets head from first to next
      return next.item;
    }
  }

  /** Backed by {@link ConcurrentLinkedQueue}, the JDK's Michael-Scott queue. */
  public static final class Jdk implements IntQueue {
    private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void push(int item) {
      queue.add(item);
    }

    @Override
    public Integer pop() {
      return queue.poll();
    }
  }
}
