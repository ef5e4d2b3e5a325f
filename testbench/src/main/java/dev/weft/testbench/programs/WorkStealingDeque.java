package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A work-stealing deque in the style of Chase and Lev ("Dynamic circular work-stealing deque", SPAA
 * 2005), without resizing: the owner pushes and pops tasks at the bottom, thieves steal at the top
 * with a {@code compareAndSet} on the top index. This owner takes the last task without that CAS. A
 * thief that read the indices before the owner's pop lowered the bottom still wins its CAS, and
 * both run the task.
 *
 * <p>Sizes: tasks ({@code args[0]}, default 2) and thieves ({@code args[1]}, default 1).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class WorkStealingDeque {
  static final int EMPTY = -1;
  private static final int LOST_RACE = -2;

  static class Deque {
    private final int[] tasks; // slot i written by the owner before bottom passes i
    final AtomicInteger top = new AtomicInteger();
    volatile int bottom;

    Deque(int capacity) {
      tasks = new int[capacity];
    }

    /** Owner only. */
    void push(int task) {
      int b = bottom;
      tasks[b] = task;
      bottom = b + 1;
    }

    /** Owner only: the bottom task, or {@link #EMPTY}. */
    int pop() {
      int b = bottom - 1;
      bottom = b; // lower the bottom first, so a thief that reads it from now on stays away
      int t = top.get();
      if (t > b) {
        bottom = t;
        return EMPTY;
      }
      int task = tasks[b];
      return t < b ? task : takeLast(t, task);
    }

    /** The owner's pop reached the last task, at index {@code t} == top == bottom. */
    int takeLast(int t, int task) {
      return task; // thieves are not expected down here: no CAS
    }

    /** Any thread: the top task, {@link #EMPTY}, or {@link #LOST_RACE} to another taker. */
    int steal() {
      int t = top.get();
      int b = bottom;
      if (t >= b) return EMPTY;
      int task = tasks[t];
      return top.compareAndSet(t, t + 1) ? task : LOST_RACE;
    }
  }

  static void runAll(Deque deque, int count, int thieves) throws InterruptedException {
    for (int i = 0; i < count; i++) deque.push(i);
    AtomicIntegerArray runs = new AtomicIntegerArray(count);
    Thread[] threads = new Thread[thieves];
    for (int i = 0; i < thieves; i++) {
      threads[i] = Threads.named("thief-" + i, () -> {
        for (int task = deque.steal(); task != EMPTY; task = deque.steal()) {
          if (task != LOST_RACE) runs.incrementAndGet(task);
        }
      });
      threads[i].start();
    }
    for (int task = deque.pop(); task != EMPTY; task = deque.pop()) runs.incrementAndGet(task);
    for (Thread t : threads) t.join();
    for (int i = 0; i < count; i++) {
      assert runs.get(i) == 1 : "task " + i + " ran " + runs.get(i) + " times";
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int count = Args.size(args, 0, 2);
    runAll(new Deque(count), count, Args.size(args, 1, 1));
  }
}
