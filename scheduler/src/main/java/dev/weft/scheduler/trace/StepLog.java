package dev.weft.scheduler.trace;

import dev.weft.scheduler.runtime.Operation;
import dev.weft.scheduler.strategy.SchedulingView;
import java.util.Arrays;

/**
 * What each step of an execution looked like, so that a replay can check it sees the same program:
 * per step, the thread that ran, its operation, site and target object, which threads could run, a
 * signature of every such thread's pending operation, and a hash of what ran since the previous
 * step without a scheduling point of its own. Sites are kept by {@link SiteRegistry#stableKey},
 * objects by the order the execution first touched them: the same in every JVM. Appending does not
 * allocate per step (amortized growth only).
 */
public final class StepLog {
  /** Ints per step: thread, operation, site key, enabled mask, enabled signature, target, between. */
  public static final int WIDTH = 7;

  private int[] entries;
  private int size;

  public StepLog() {
    entries = new int[WIDTH * 64];
  }

  private StepLog(int[] entries) {
    this.entries = entries;
    this.size = entries.length / WIDTH;
  }

  /** Records the step about to run: {@code thread} was chosen among those {@code view} offers. */
  public void add(SchedulingView view, int thread) {
    if ((size + 1) * WIDTH > entries.length) entries = Arrays.copyOf(entries, entries.length * 2);
    int at = size++ * WIDTH;
    entries[at] = thread;
    entries[at + 1] = opCode(view.pendingOperation(thread));
    entries[at + 2] = SiteRegistry.stableKey(view.pendingSite(thread));
    entries[at + 3] = enabledMask(view);
    entries[at + 4] = signature(view);
    entries[at + 5] = view.pendingTarget(thread);
    entries[at + 6] = view.betweenSteps();
  }

  public int size() {
    return size;
  }

  public int thread(int step) {
    return entries[step * WIDTH];
  }

  /** The operation of the thread that ran, or null when it had none yet. */
  public Operation operation(int step) {
    int code = entries[step * WIDTH + 1];
    return code < 0 ? null : Operation.values()[code];
  }

  public int siteKey(int step) {
    return entries[step * WIDTH + 2];
  }

  /** Bit i set when thread i could run; -1 when a thread beyond 31 could. */
  public int enabledMask(int step) {
    return entries[step * WIDTH + 3];
  }

  public int signature(int step) {
    return entries[step * WIDTH + 4];
  }

  /** The number of the object the step acted on ({@link SchedulingView#pendingTarget}). */
  public int target(int step) {
    return entries[step * WIDTH + 5];
  }

  /** What ran before the step without a scheduling point ({@link SchedulingView#betweenSteps}). */
  public int between(int step) {
    return entries[step * WIDTH + 6];
  }

  /** The raw entries, {@link #WIDTH} per step, for storage. */
  public int[] toArray() {
    return Arrays.copyOf(entries, size * WIDTH);
  }

  /**
   * A step log of stored entries.
   *
   * @throws IllegalArgumentException when they cannot be a recording: not {@link #WIDTH} ints per
   *     step, an operation that does not exist, or a step run by a thread its enabled set lacks
   */
  public static StepLog of(int[] entries) {
    if (entries.length % WIDTH != 0) {
      throw new IllegalArgumentException("a step log holds " + WIDTH + " ints per step");
    }
    StepLog log = new StepLog(entries.clone());
    for (int i = 0; i < log.size; i++) {
      int thread = log.thread(i);
      int op = entries[i * WIDTH + 1];
      int mask = log.enabledMask(i);
      if (op < -1 || op >= Operation.values().length) {
        throw new IllegalArgumentException("step " + i + " names operation " + op
            + ", which does not exist");
      }
      if (thread < 0 || mask != -1 && (thread > 31 || (mask & (1 << thread)) == 0)) {
        throw new IllegalArgumentException("step " + i + " runs thread " + thread
            + ", which is not among the threads it records as able to run");
      }
    }
    return log;
  }

  public StepLog copy() {
    return new StepLog(toArray());
  }

  public void clear() {
    size = 0;
  }

  public static int enabledMask(SchedulingView view) {
    int mask = 0;
    for (int i = 0; i < view.enabledCount(); i++) {
      int id = view.enabled(i);
      if (id > 31) return -1;
      mask |= 1 << id;
    }
    return mask;
  }

  /** A hash of which threads could run and what each was about to do, and where. */
  public static int signature(SchedulingView view) {
    int h = 1;
    for (int i = 0; i < view.enabledCount(); i++) {
      int id = view.enabled(i);
      h = 31 * h + id;
      h = 31 * h + opCode(view.pendingOperation(id));
      h = 31 * h + SiteRegistry.stableKey(view.pendingSite(id));
    }
    return h;
  }

  /**
   * {@code hash} extended with an access made between scheduling points, by {@code op} on the
   * object numbered {@code target} ({@link SchedulingView#pendingTarget}): order matters, so two
   * interrupts sent in the other order hash differently.
   */
  public static int between(int hash, Operation op, int target) {
    return 31 * (31 * hash + op.ordinal()) + target;
  }

  private static int opCode(Operation op) {
    return op == null ? -1 : op.ordinal();
  }
}
