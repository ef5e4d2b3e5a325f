package dev.weft.samples.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Four threads take a ticket each; they must not take them in the reverse order of their start: a
 * bug a random walk meets once in a few hundred executions.
 */
public final class ReversedTickets {
  public static void main(String[] args) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    int[] ticket = new int[4];
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < ticket.length; i++) {
      int id = i;
      threads.add(new Thread(() -> ticket[id] = next.getAndIncrement()));
    }
    for (Thread t : threads) t.start();
    for (Thread t : threads) t.join();
    boolean reversed = true;
    for (int i = 0; i < ticket.length; i++) reversed &= ticket[i] == ticket.length - 1 - i;
    assert !reversed : "tickets taken in reverse order";
  }
}
