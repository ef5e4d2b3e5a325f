package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Cancellation by {@code shutdownNow}, tallied without a lock. Each task of a pool waits for work
 * that never comes; main shuts the pool down at once, which interrupts its workers one after the
 * other, in the order of the pool's worker set (a {@code HashSet} of objects the JDK allocates).
 * Each cancelled task appends its name to a tally with a read and a write of a volatile size, so
 * two tasks that read the size before either writes it take the same slot, and one name is lost.
 * Which one is lost, and so the report, depends on the order of the interrupts: a replay shows the
 * same report only if it interrupts the workers in the recorded order.
 *
 * <p>Size: tasks ({@code args[0]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class CancelledTally {
  /** Names of the cancelled tasks, in the order they were tallied. */
  interface Tally {
    void add(String name);

    String[] names();
  }

  /** Appends with a read and a write of {@code size}: not atomic. */
  static final class RacyTally implements Tally {
    private final String[] names;
    private volatile int size;

    RacyTally(int capacity) {
      names = new String[capacity];
    }

    @Override
    public void add(String name) {
      int at = size;
      names[at] = name;
      size = at + 1;
    }

    @Override
    public String[] names() {
      return Arrays.copyOf(names, size);
    }
  }

  static void cancelAll(Tally tally, int tasks) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(tasks);
    CountDownLatch running = new CountDownLatch(tasks);
    CountDownLatch work = new CountDownLatch(1); // never counted down: only cancellation ends it
    for (int i = 1; i <= tasks; i++) {
      String name = "task-" + i;
      pool.execute(() -> {
        running.countDown();
        try {
          work.await();
        } catch (InterruptedException e) {
          tally.add(name);
        }
      });
    }
    running.await(); // every task runs, so shutdownNow interrupts each one's worker
    pool.shutdownNow();
    if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
      throw new AssertionError("the pool did not terminate within a minute");
    }
    String[] names = tally.names();
    assert names.length == tasks
        : tasks + " tasks were cancelled, but the tally holds only " + Arrays.toString(names);
  }

  public static void main(String[] args) throws InterruptedException {
    int tasks = Args.size(args, 0, 2);
    cancelAll(new RacyTally(tasks), tasks);
  }
}
