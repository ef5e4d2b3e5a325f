package dev.weft.scheduler.threads;

/**
 * The turn of one execution: which thread holds it, how it passes from one thread to another, and
 * how a thread waits for it to come back.
 *
 * <p>Only the thread holding the turn passes it on. It first publishes the new holder, then clears
 * its own flag and sets the other's ({@link TurnHolder#grant}); the other thread, spinning briefly
 * ({@link TurnSpin}) or parked ({@link Handoff}) or waiting in a real monitor, sees its flag and
 * runs. Who gets the turn is decided before; this class only carries it out.
 */
public final class Turns {
  /** What a waiting thread does when its execution has ended: it unwinds, by throwing. */
  @FunctionalInterface
  public interface Ending {
    /** Throws the execution's unwinding signal when it has ended; returns otherwise. */
    void unwindIfEnded();
  }

  private final TurnSpin spin = new TurnSpin();
  private final Ending ending;
  private volatile TurnHolder holder;

  public Turns(Ending ending) {
    this.ending = ending;
  }

  /** The thread holding the turn, or null before the first holds it. */
  public TurnHolder holder() {
    return holder;
  }

  /** {@code first} holds the turn, before any other thread of the execution runs. */
  public void begin(TurnHolder first) {
    holder = first;
    first.turn = true;
  }

  /**
   * Gives the turn to {@code to} for {@code by}, the holder, which goes on without waiting for it
   * back: it has ended.
   */
  public void handOn(TurnHolder to, TurnHolder by) {
    holder = to;
    to.grant(by);
  }

  /**
   * Takes the turn from {@code from}, which holds it but cannot pass it on (it blocked inside the
   * JVM), and gives it to {@code to}; called by a thread that is not the execution's.
   */
  public void takeFrom(TurnHolder from, TurnHolder to) {
    holder = to;
    from.turn = false;
    to.grant(null);
  }

  /**
   * {@code from}, the holder, gives the turn to {@code to} and waits for it back. Returns whether a
   * real interrupt reached {@code from} meanwhile.
   */
  public boolean pass(TurnHolder from, TurnHolder to) {
    holder = to;
    from.turn = false;
    to.grant(from);
    return await(from);
  }

  /**
   * {@code from}, the holder, gives the turn to {@code to} and waits for it back inside the real
   * monitor of {@code lock}, which it holds (an emulated {@code Object.wait}), so that the monitor
   * is really released meanwhile. The monitor is named before the turn goes: the turn may come
   * back at once, and must then be handed over under that monitor.
   */
  public void passInside(TurnHolder from, TurnHolder to, Object lock) {
    from.realWaitLock = lock;
    holder = to;
    from.turn = false;
    to.grant(from);
    awaitIn(from, lock);
  }

  /**
   * Waits until {@code self} holds the turn: a short spin, then parks. Hooks reached meanwhile (the
   * park's own, for a virtual thread) pass through. Returns whether a real interrupt arrived
   * meanwhile (from a thread Weft does not control); the flag is cleared, for the caller to give
   * the model once the turn is back, since reading the real flag must not go through the hooks.
   */
  public boolean await(TurnHolder self) {
    boolean inside = self.insideHook;
    boolean interrupted = false;
    self.insideHook = true;
    try {
      if (!self.turn) spin.await(self);
      while (!self.turn) {
        ending.unwindIfEnded();
        Handoff.park(self);
        interrupted |= Thread.interrupted();
      }
    } finally {
      self.insideHook = inside;
    }
    return interrupted;
  }

  /**
   * {@code self} waits for the turn inside the real monitor of {@code lock}, which it holds and
   * named as {@link TurnHolder#realWaitLock} before the turn went, so that the monitor is really
   * released meanwhile; {@link TurnHolder#grant} notifies it there.
   */
  public void awaitIn(TurnHolder self, Object lock) {
    try {
      while (!self.turn) {
        ending.unwindIfEnded();
        try {
          lock.wait();
        } catch (InterruptedException e) {
          // Real interrupts reach a controlled thread only when its execution is being ended.
        }
      }
    } finally {
      self.realWaitLock = null;
    }
  }
}
