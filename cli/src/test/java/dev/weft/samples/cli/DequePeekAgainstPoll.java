package dev.weft.samples.cli;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Two threads on a {@code ConcurrentLinkedDeque}, {@code addLast(1), pollFirst()} against {@code
 * addFirst(2), peekLast()}: one call at a time in any order they return (1, 2), (2, 1) or (2, 2).
 * Only with the deque's inside scheduled ({@code --open-jdk-structures}) do they overlap so as to
 * return something else.
 */
public final class DequePeekAgainstPoll {
  public static void main(String[] args) throws InterruptedException {
    Deque<Integer> deque = new ConcurrentLinkedDeque<>();
    Integer[] results = new Integer[2];
    Thread first = new Thread(() -> {
      deque.addLast(1);
      results[0] = deque.pollFirst();
    });
    Thread second = new Thread(() -> {
      deque.addFirst(2);
      results[1] = deque.peekLast();
    });
    first.start();
    second.start();
    first.join();
    second.join();
    List<Integer> polledAndPeeked = List.of(results);
    if (!List.of(List.of(1, 2), List.of(2, 1), List.of(2, 2)).contains(polledAndPeeked)) {
      throw new AssertionError("pollFirst, peekLast returned " + polledAndPeeked);
    }
  }
}
