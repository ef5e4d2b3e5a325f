package dev.weft.explorer.property;

import java.time.Duration;
import java.util.List;

/**
 * Threads a {@link DeadlockDetector} found stuck, with their stacks.
 *
 * <p>Public API since 0.2. Never null fields.
 *
 * @param kind how they are stuck
 * @param timeout the detector's timeout without progress
 * @param threads the stuck threads, with what they wait for
 */
public record StuckThreads(Kind kind, Duration timeout, List<Stuck> threads) {
  public StuckThreads {
    threads = List.copyOf(threads);
  }

  /** How threads are stuck. */
  public enum Kind {
    /** The JVM found them waiting for each other's locks. */
    DEADLOCK,
    /** They made no progress for the timeout. */
    NO_PROGRESS
  }

  /**
   * One stuck thread.
   *
   * @param name the thread's name
   * @param state its {@link Thread.State}
   * @param waitingFor the lock or condition it waits for, or null
   * @param heldBy the thread holding that lock, or null
   * @param stack its stack, innermost frame first
   */
  public record Stuck(String name, String state, String waitingFor, String heldBy,
      List<StackTraceElement> stack) {
    public Stuck {
      stack = List.copyOf(stack);
    }
  }

  /** What happened, then each thread: its state, what it waits for and who holds it, its stack. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(kind == Kind.DEADLOCK
        ? "deadlock: " + threads.size() + " threads wait for each other's locks\n"
        : threads.size() + (threads.size() == 1 ? " thread" : " threads") + " made no progress for "
            + timeout.toMillis() + " ms\n");
    for (Stuck t : threads) {
      s.append("  \"").append(t.name()).append("\" ").append(t.state());
      if (t.waitingFor() != null) s.append(" waiting for ").append(t.waitingFor());
      if (t.heldBy() != null) s.append(" held by \"").append(t.heldBy()).append('"');
      s.append('\n');
      for (StackTraceElement e : t.stack()) s.append("      at ").append(e).append('\n');
    }
    return s.toString();
  }
}
