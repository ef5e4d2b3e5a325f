package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.runtime.JdkStructures;

/**
 * The hooks of calls into {@code java.util.concurrent}, atomics and {@code VarHandle}s, and of the
 * accesses inside the JDK's lock-free structures during the program's calls when those are opened.
 * Part of the bridge instrumented bytecode calls: see {@link WeftHooks} for what every hook does
 * first and how it guards its model code.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class CallHooks {
  private CallHooks() {}

  // ---- calls into java.util.concurrent, atomics and VarHandles, from application code

  /** Before a call that may change state; {@code receiver} is null for a static method. */
  public static void call(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.call", () -> e.calls().call(receiver, site, false));
  }

  /**
   * Before a call through a collection interface ({@code Map.put}), or on a class with synchronized
   * methods ({@code Vector.add}): a point when the receiver is concurrent or synchronized.
   */
  public static void callIfConcurrent(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.callIfConcurrent",
        () -> e.calls().callIfConcurrent(receiver, site, false));
  }

  /** Likewise, for a call that only reads ({@code Map.get}). */
  public static void callIfConcurrentRead(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.callIfConcurrentRead",
        () -> e.calls().callIfConcurrent(receiver, site, true));
  }

  /** After such a call returned: parks from here on are the caller's own again. */
  public static void callReturned() {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.callReturned", () -> e.calls().returned(false));
  }

  /**
   * After a call that tries ({@code compareAndSet}, {@code tryLock}, {@code offer}) returned, given
   * what it returned: one that failed wrote nothing, and a thread that keeps failing spins.
   */
  public static void attemptReturned(boolean succeeded) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.attemptReturned",
        () -> e.calls().returned(!succeeded));
  }

  /** After a {@code poll} returned, given the element: null means it failed, as above. */
  public static void pollReturned(Object element) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.pollReturned",
        () -> e.calls().returned(element == null));
  }

  /** Before a call that only reads. */
  public static void callRead(Object receiver, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.callRead", () -> e.calls().call(receiver, site, true));
  }

  /**
   * Before a {@code lock()} or {@code tryLock()} that opens a section that only reads, as the agent
   * found from the bytecode: taken again with nothing written, it is a poll.
   */
  public static void lockToRead(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.call", () -> e.calls().lockToRead(lock, site));
  }

  /**
   * Before an {@code unlock()} that closes such a section, from which every path goes straight back
   * to its opening, writing nothing on the way.
   */
  public static void unlockToLockAgain(Object lock, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "CallHooks.call", () -> e.calls().unlockToLockAgain(lock, site));
  }

  // ---- inside the JDK's lock-free structures, during the program's calls (JdkStructures)

  /**
   * The execution to take a structure's step in, entered as {@link Guarded#enter} does; null when
   * none is active or it leaves the structures closed, so that, off, these hooks cost two reads.
   */
  private static Execution structureExecution() {
    Execution e = Execution.active();
    return e != null && e.jdkStructuresOpened() ? Guarded.enter(e) : null;
  }

  /** Before a read of a field of {@code holder} (null for a static one), or an Unsafe read. */
  public static void structureRead(Object holder, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "CallHooks.structureRead",
        () -> e.structureSteps().access(holder, site, false));
  }

  /** Before a write, compare-and-set or read-modify-write of a field of {@code holder}. */
  public static void structureWrite(Object holder, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "CallHooks.structureWrite",
        () -> e.structureSteps().access(holder, site, true));
  }

  /** Before a read through a {@code VarHandle}, given its first argument (or null). */
  public static void structureHandleRead(Object handle, Object first, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "CallHooks.structureHandleRead",
        () -> e.structureSteps().handleAccess(handle, first, site, false));
  }

  /** Before any other access through a {@code VarHandle}, given its first argument (or null). */
  public static void structureHandleWrite(Object handle, Object first, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "CallHooks.structureHandleWrite",
        () -> e.structureSteps().handleAccess(handle, first, site, true));
  }

  /** Before a {@code monitorenter} in a structure's code. */
  public static void structureMonitorEnter(Object lock, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.run(e, "CallHooks.structureMonitorEnter",
        () -> e.structureSteps().monitorEnter(lock, site));
  }

  /** After a {@code monitorexit} in a structure's code. Never throws. */
  public static void structureMonitorExit(Object lock, int site) {
    Execution e = structureExecution();
    if (e != null) Guarded.quietly(e, "CallHooks.structureMonitorExit",
        () -> e.structureSteps().monitorExit(lock, site));
  }

  /**
   * Filters {@code ThreadLocalRandom}'s secondary seed, which sets the level of a skip list's new
   * node: chosen when the structures are opened, so the same schedule meets the same shape.
   */
  public static long secondarySeed(long real) {
    Execution e = structureExecution();
    return e == null ? real : Guarded.call(e, "CallHooks.secondarySeed",
        () -> e.determinism().seed(real));
  }
}
