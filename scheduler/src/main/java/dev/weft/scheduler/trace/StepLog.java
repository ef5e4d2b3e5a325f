package dev.weft.scheduler.trace;

import dev.weft.scheduler.view.Operation;
import dev.weft.scheduler.view.SchedulingView;
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
  /**
   * Ints per step: thread, operation, site key, enabled set, enabled signature, target, between.
   * The enabled set is a mask of threads 0 to 30 when no other could run; otherwise it is {@code
   * -n}, and the step's seven ints are followed by {@code n} words of a bit set of every thread
   * that could run (word {@code k} holding threads {@code 32k} to {@code 32k + 31}). So the set is
   * exact for any number of threads, and costs one int while there are fewer than 32.
   */
  public static final int WIDTH = 7;

  private int[] entries;
  /** Ints of {@link #entries} in use. */
  private int used;
  /** Where each step's entry begins in {@link #entries}. */
  private int[] starts;
  private int size;

  public StepLog() {
    entries = new int[WIDTH * 64];
    starts = new int[64];
  }

  /** Records the step about to run: {@code thread} was chosen among those {@code view} offers. */
  public void add(SchedulingView view, int thread) {
    int words = enabledWords(view);
    int at = append(WIDTH + words);
    entries[at] = thread;
    entries[at + 1] = opCode(view.pendingOperation(thread));
    entries[at + 2] = SiteRegistry.stableKey(view.pendingSite(thread));
    entries[at + 4] = signature(view);
    entries[at + 5] = view.pendingTarget(thread);
    entries[at + 6] = view.betweenSteps();
    if (words == 0) {
      for (int i = 0; i < view.enabledCount(); i++) entries[at + 3] |= 1 << view.enabled(i);
    } else {
      entries[at + 3] = -words;
      for (int i = 0; i < view.enabledCount(); i++) {
        int id = view.enabled(i);
        entries[at + WIDTH + (id >>> 5)] |= 1 << (id & 31);
      }
    }
  }

  /** The words of a bit set {@code view}'s enabled threads need beyond the mask: 0 below T31. */
  private static int enabledWords(SchedulingView view) {
    int highest = -1;
    for (int i = 0; i < view.enabledCount(); i++) highest = Math.max(highest, view.enabled(i));
    return highest < 31 ? 0 : (highest >>> 5) + 1;
  }

  /** Room for a new step of {@code length} ints, zeroed; returns where it begins. */
  private int append(int length) {
    if (used + length > entries.length) {
      entries = Arrays.copyOf(entries, Math.max(entries.length * 2, used + length));
    }
    if (size == starts.length) starts = Arrays.copyOf(starts, size * 2);
    int at = used;
    Arrays.fill(entries, at, at + length, 0);
    starts[size++] = at;
    used += length;
    return at;
  }

  public int size() {
    return size;
  }

  public int thread(int step) {
    return entries[starts[step]];
  }

  /** The operation of the thread that ran, or null when it had none yet. */
  public Operation operation(int step) {
    int code = entries[starts[step] + 1];
    return code < 0 ? null : Operation.values()[code];
  }

  public int siteKey(int step) {
    return entries[starts[step] + 2];
  }

  /** Whether {@code thread} could run at {@code step}. */
  public boolean couldRun(int step, int thread) {
    int at = starts[step];
    int mask = entries[at + 3];
    if (mask >= 0) return thread < 31 && (mask & (1 << thread)) != 0;
    int word = thread >>> 5;
    return word < -mask && (entries[at + WIDTH + word] & (1 << (thread & 31))) != 0;
  }

  /** How many threads could run at {@code step}. */
  public int enabledCount(int step) {
    int at = starts[step];
    int mask = entries[at + 3];
    if (mask >= 0) return Integer.bitCount(mask);
    int count = 0;
    for (int k = 0; k < -mask; k++) count += Integer.bitCount(entries[at + WIDTH + k]);
    return count;
  }

  /** The threads that could run at {@code step}, in increasing order. */
  public int[] enabled(int step) {
    int[] ids = new int[enabledCount(step)];
    int n = 0;
    int words = Math.max(1, -entries[starts[step] + 3]);
    for (int id = 0; id < 32 * words; id++) if (couldRun(step, id)) ids[n++] = id;
    return ids;
  }

  /** Whether the threads {@code view} offers are exactly those that could run at {@code step}. */
  public boolean sameEnabled(int step, SchedulingView view) {
    if (view.enabledCount() != enabledCount(step)) return false;
    for (int i = 0; i < view.enabledCount(); i++) if (!couldRun(step, view.enabled(i))) return false;
    return true;
  }

  public int signature(int step) {
    return entries[starts[step] + 4];
  }

  /** The number of the object the step acted on ({@link SchedulingView#pendingTarget}). */
  public int target(int step) {
    return entries[starts[step] + 5];
  }

  /** What ran before the step without a scheduling point ({@link SchedulingView#betweenSteps}). */
  public int between(int step) {
    return entries[starts[step] + 6];
  }

  /** The raw entries, {@link #WIDTH} per step and an enabled set's words, for storage. */
  public int[] toArray() {
    return Arrays.copyOf(entries, used);
  }

  /**
   * A step log of stored entries.
   *
   * @throws IllegalArgumentException when they cannot be a recording: a step cut short, an
   *     operation that does not exist, or a step run by a thread its enabled set lacks
   */
  public static StepLog of(int[] entries) {
    StepLog log = new StepLog();
    int at = 0;
    while (at < entries.length) {
      int i = log.size;
      if (entries.length - at < WIDTH) {
        throw new IllegalArgumentException("a step log holds " + WIDTH + " ints per step, and"
            + " the words of an enabled set beyond T30; step " + i + " is cut short");
      }
      int thread = entries[at];
      int op = entries[at + 1];
      int mask = entries[at + 3];
      if (op < -1 || op >= Operation.values().length) {
        throw new IllegalArgumentException("step " + i + " names operation " + op
            + ", which does not exist");
      }
      int length = WIDTH + Math.max(0, -mask);
      if (mask < 0 && (long) at + WIDTH - mask > entries.length) {
        throw new IllegalArgumentException("a step log holds " + WIDTH + " ints per step, and"
            + " the words of an enabled set beyond T30; step " + i + " is cut short");
      }
      int into = log.append(length); // first: it may replace log.entries
      System.arraycopy(entries, at, log.entries, into, length);
      if (thread < 0 || !log.couldRun(i, thread)) {
        throw new IllegalArgumentException("step " + i + " runs thread " + thread
            + ", which is not among the threads it records as able to run");
      }
      at += length;
    }
    return log;
  }

  public StepLog copy() {
    return of(toArray());
  }

  public void clear() {
    size = 0;
    used = 0;
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
