package dev.weft.samples.explorer;

/**
 * Bugs that need a known, least number of preemptions (switches away from a thread that could have
 * gone on), wrapped in volatile writes of noise so that a random walk finds them with many more.
 * Nothing between a thread's noise writes can block, so any switch away from a thread there is a
 * preemption. Each method argues its minimum.
 */
public final class NeedsPreemptions {
  /** Volatile writes of noise around each thread's part of the bug. */
  private static final int NOISE = 6;

  private volatile int count;
  private volatile int noise;
  private volatile boolean first;
  private volatile boolean second;

  private NeedsPreemptions() {}

  private void noise() {
    for (int i = 0; i < NOISE; i++) noise = i;
  }

  /**
   * Two threads increment a volatile counter with a read and a separate write; the total must be 2.
   * Needs exactly one preemption: the update is lost only when both reads come before both writes,
   * so the thread that reads first must stop between its read and its write, where it cannot block;
   * and one suffices (preempt it there, let the other run to its end).
   */
  public static void lostUpdate() throws InterruptedException {
    NeedsPreemptions p = new NeedsPreemptions();
    Runnable increment = () -> {
      p.noise();
      p.count = p.count + 1;
      p.noise();
    };
    TwoThreads.run(increment, increment);
    if (p.count != 2) throw new AssertionError("lost update: count is " + p.count);
  }

  /**
   * Two writers each raise their flag, make noise and lower it; an observer fails if it sees both
   * raised. Needs exactly two preemptions: a raised flag that the observer sees belongs to a
   * writer that stopped between raising and lowering, where it cannot block, so each of the two
   * writers was preempted, and those are two switches, away from different threads. Two suffice:
   * main blocks in {@code join}, the first writer raises its flag and is preempted, the second
   * raises its own and is preempted, the observer reads both.
   */
  public static void bothFlagsRaised() throws InterruptedException {
    NeedsPreemptions p = new NeedsPreemptions();
    Thread a = new Thread(() -> {
      p.first = true;
      p.noise();
      p.first = false;
    });
    Thread b = new Thread(() -> {
      p.second = true;
      p.noise();
      p.second = false;
    });
    Thread observer = new Thread(() -> {
      if (p.first && p.second) throw new AssertionError("saw both flags raised");
    });
    a.start();
    b.start();
    observer.start();
    a.join();
    b.join();
    observer.join();
  }

  /**
   * Two threads take two locks in opposite orders, with noise in between. The deadlock needs
   * exactly one preemption: the thread that takes its first lock first must stop before its
   * second, while the other has not yet taken it, so could have gone on; one suffices.
   */
  public static void lockOrderDeadlock() throws InterruptedException {
    NeedsPreemptions p = new NeedsPreemptions();
    Object left = new Object();
    Object right = new Object();
    TwoThreads.run(() -> p.inOrder(left, right), () -> p.inOrder(right, left));
  }

  private void inOrder(Object outer, Object inner) {
    noise();
    synchronized (outer) {
      noise();
      synchronized (inner) {
        noise = -1;
      }
    }
  }
}
