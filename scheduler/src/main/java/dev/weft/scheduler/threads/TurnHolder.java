package dev.weft.scheduler.threads;

/**
 * A thread that runs only while it holds the turn of its execution, and its private handoff.
 *
 * <p>Exactly one such thread of an execution holds the turn at any time. A thread gives the turn
 * away by clearing its own flag and setting the other's; it then parks until its flag is set again
 * ({@link Handoff}, after a short {@link TurnSpin}). A thread inside an emulated {@code Object.wait}
 * waits on the real monitor instead (so that monitor is really released), and is handed the turn
 * under that monitor.
 *
 * <p>The fields are public for the runtime that keeps the execution's books; other than the
 * volatile ones they are touched only by the thread holding the turn, which the handoff's volatile
 * write and read order.
 */
public abstract class TurnHolder {
  /** The thread itself. */
  public final Thread thread;
  /** A virtual thread (JDK 21+): the handoff parks and unparks it through the JDK. */
  public final boolean virtual;
  /** Whether this thread holds the turn. */
  public volatile boolean turn;
  /** The monitor it waits in for the turn (an emulated {@code Object.wait}), or null. */
  public volatile Object realWaitLock;
  /** Set while the runtime works for this thread, so that hooks reached meanwhile pass through. */
  public boolean insideHook;

  protected TurnHolder(Thread thread) {
    this.thread = thread;
    this.virtual = VirtualThreads.isVirtual(thread);
  }

  /** Gives this thread the turn. Called by {@code by}, the thread that holds it now. */
  public final void grant(TurnHolder by) {
    Object lock = realWaitLock;
    if (lock != null) {
      synchronized (lock) {
        turn = true;
        lock.notifyAll();
      }
    } else {
      turn = true;
      Handoff.unpark(thread, by);
    }
  }
}
