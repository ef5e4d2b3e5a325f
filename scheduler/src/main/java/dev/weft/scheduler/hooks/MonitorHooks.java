package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Execution;

/**
 * The hooks of monitors: {@code synchronized} blocks and methods, {@code wait}, {@code notify}.
 * Part of the bridge instrumented bytecode calls: see {@link WeftHooks} for what every hook does
 * first and how it guards its model code.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class MonitorHooks {
  private MonitorHooks() {}

  // ---- monitors

  /** Before {@code monitorenter} (and at the start of a former {@code synchronized} method). */
  public static void monitorEnter(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "MonitorHooks.monitorEnter",
        () -> e.monitors().enter(lock, site, false));
  }

  /** After {@code monitorexit}. Never throws: it runs inside the handlers javac generates. */
  public static void monitorExit(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "MonitorHooks.monitorExit",
        () -> e.monitors().exit(lock, site, false));
  }

  /**
   * Before the {@code monitorenter} of a section that only reads (no store, call or allocation
   * inside, as the agent found from the bytecode): entered again with nothing written, it is a poll.
   */
  public static void monitorEnterToRead(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "MonitorHooks.monitorEnter",
        () -> e.monitors().enter(lock, site, true));
  }

  /**
   * After a {@code monitorexit} of such a section from which every path goes straight back to its
   * enter, writing nothing on the way. Never throws.
   */
  public static void monitorExitToReadAgain(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "MonitorHooks.monitorExit",
        () -> e.monitors().exit(lock, site, true));
  }

  /**
   * Entry of a synchronized method of a JDK class whose monitor Weft models ({@code Vector.add}):
   * the JVM holds the monitor already, and the model follows.
   */
  public static void enteredSynchronized(Object lock) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "MonitorHooks.enteredSynchronized",
        () -> e.monitors().enteredSynchronized(lock));
  }

  /** Before each return of such a method, and before it throws. Never throws. */
  public static void exitingSynchronized(Object lock) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.quietly(e, "MonitorHooks.exitingSynchronized",
        () -> e.monitors().exitingSynchronized(lock));
  }

  /** Replaces {@code lock.wait()}. */
  public static void waitOn(Object lock, int site) throws InterruptedException {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "MonitorHooks.waitOn",
        () -> e.monitors().waitOn(lock, -1, site))) {
      lock.wait();
    }
  }

  /** Replaces {@code lock.wait(millis)}. */
  public static void waitOn(Object lock, long millis, int site) throws InterruptedException {
    long nanos = Timeouts.untimedIfZero(Timeouts.nanos(millis));
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "MonitorHooks.waitOn",
        () -> e.monitors().waitOn(lock, nanos, site))) {
      lock.wait(millis);
    }
  }

  /** Replaces {@code lock.wait(millis, nanos)}. */
  public static void waitOn(Object lock, long millis, int nanos, int site)
      throws InterruptedException {
    long timeout = Timeouts.untimedIfZero(Timeouts.nanos(millis, nanos));
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "MonitorHooks.waitOn",
        () -> e.monitors().waitOn(lock, timeout, site))) {
      lock.wait(millis, nanos);
    }
  }

  /** Replaces {@code lock.notify()}. */
  public static void notifyOne(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "MonitorHooks.notifyOne",
        () -> e.monitors().notify(lock, false, site))) {
      lock.notify();
    }
  }

  /** Replaces {@code lock.notifyAll()}. */
  public static void notifyAll(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e == null || !Guarded.call(e, "MonitorHooks.notifyAll",
        () -> e.monitors().notify(lock, true, site))) {
      lock.notifyAll();
    }
  }
}
