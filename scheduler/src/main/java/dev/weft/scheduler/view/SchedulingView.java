package dev.weft.scheduler.view;


/**
 * What a strategy may see at a scheduling point: read-only, valid only during the call. Threads are
 * named by their id within the execution (0 is the thread that runs the test body, then in order
 * of start).
 */
public interface SchedulingView {
  /** Number of scheduling points so far in this execution, counting this one. */
  int step();

  /** The thread that reached this point (it may be disabled, or finished). */
  int current();

  /** Threads created so far in this execution. */
  int threadCount();

  /** How many threads may run now; at least 1, and at least 2 unless the strategy observes every step. */
  int enabledCount();

  /** The {@code i}-th enabled thread id, in increasing id order. */
  int enabled(int i);

  /** Whether thread {@code id} may run now. */
  boolean isEnabled(int id);

  /** The operation thread {@code id} will perform when it next runs; null before it begins. */
  Operation pendingOperation(int id);

  /**
   * What that operation touches, as a {@link dev.weft.scheduler.view.Locations} key ({@code
   * Locations.NONE} for nothing shared). Only for strategies that observe every step.
   */
  long pendingLocation(int id);

  /** The site of thread {@code id}'s pending operation (a {@code SiteRegistry} index), or -1. */
  int pendingSite(int id);

  /**
   * The object thread {@code id}'s pending operation acts on (a monitor, a thread, a call's
   * receiver), as a number that names it alike in every run of the same schedule: objects are
   * numbered in the order the execution first touches them. 0 for none.
   */
  int pendingTarget(int id);

  /**
   * A hash of what ran since the previous scheduling point without being one itself (monitor exits,
   * interrupts that JDK code sends, such as an executor's {@code shutdownNow}), in order; 0 when
   * nothing did. A replay compares it with the recording's.
   */
  int betweenSteps();
}
