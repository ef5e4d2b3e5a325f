package dev.weft.testbench.programs;

/**
 * The shape of the preemption-bounded bugs ({@link OnePreemption}, {@link TwoPreemptions}, {@link
 * ThreePreemptions}): a chain of {@code k} writers and an observer. Main starts writer 1; writer
 * {@code i} raises its volatile flag, starts writer {@code i+1} (the last writer starts the
 * observer), does a few volatile writes of work, lowers its flag and joins the thread it started.
 * The observer reads the flags in order and fails when it sees all {@code k} raised.
 *
 * <p>Why the bug needs exactly {@code k} preemptions (a preemption is a switch away from a thread
 * that could have gone on): when the observer reads flag {@code i} as raised, writer {@code i} has
 * raised it and not yet lowered it, so writer {@code i} is neither running nor blocked (nothing
 * between its two writes can block): it was preempted after its raise. The {@code k} writers are
 * distinct threads, so there are at least {@code k} preemptions. And {@code k} suffice: switch from
 * each writer to the thread it has just started, right after {@code start}. Main blocks in {@code
 * join} without being preempted; the observer starts only after every writer has raised its flag,
 * so no observer read comes too early. The work between {@code start} and the lowering changes no
 * count: it only widens the window in which a preemption helps, so that a random walk, which must
 * leave every writer behind while the chain grows, finds the bug within a thousand executions.
 *
 * <p>Under plain runs, with two writers or more, the bug stays hidden: each writer lowers its flag
 * microseconds after {@code start} returns, and the thread it started needs about as long to get
 * going, so the observer would need every writer in the chain to lose that race. With one writer
 * the single race is lost often enough (about one plain run in ten on a two-core machine).
 */
final class FlagChain {
  /** Volatile writes of work between a writer's {@code start} and its lowering, by default. */
  static final int WINDOW = 3;

  private static final class Flag {
    volatile boolean raised;
    volatile int work;
  }

  private FlagChain() {}

  /**
   * Runs the chain of {@code k} writers and the observer, each writer doing {@code window} writes
   * of work. With {@code lowerFirst}, each writer lowers its flag before it starts the next thread
   * instead of after: then no schedule fails.
   */
  static void run(int k, int window, boolean lowerFirst) throws InterruptedException {
    Flag[] flags = new Flag[k];
    for (int i = 0; i < k; i++) flags[i] = new Flag();
    Thread next = Threads.named("observer", () -> {
      boolean all = true;
      for (Flag f : flags) all &= f.raised;
      assert !all : "the observer saw all " + k + " flags raised at once";
    });
    for (int i = k - 1; i >= 0; i--) {
      Flag flag = flags[i];
      Thread child = next;
      next = Threads.named("writer-" + (i + 1), () -> {
        flag.raised = true;
        if (lowerFirst) flag.raised = false;
        child.start();
        for (int w = 1; w <= window; w++) flag.work = w;
        if (!lowerFirst) flag.raised = false;
        child.join();
      });
    }
    Threads.startAndJoin(next);
  }
}
