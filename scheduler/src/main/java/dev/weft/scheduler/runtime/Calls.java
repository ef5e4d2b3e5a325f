package dev.weft.scheduler.runtime;

import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.view.Operation;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Calls from the program into {@code java.util.concurrent} (and atomics, {@code VarHandle}): one
 * scheduling point before each, named after the method ({@code lock ReentrantLock#1}). The call
 * itself then runs unchanged, one thread at a time; where it blocks, it parks ({@link Parking}).
 * Modelling the public operation rather than the code beneath keeps traces short and the search
 * small.
 */
public final class Calls {
  private final Execution execution;

  Calls(Execution execution) {
    this.execution = execution;
  }

  /**
   * Methods of {@code ConcurrentHashMap} that run the program's function while holding a bin's
   * monitor, a real one in the JDK's code: no other thread may run until the function returns, or
   * one that touches the same bin would block for real, outside Weft's control.
   */
  private static final Set<String> CALLBACK_UNDER_LOCK =
      Set.of("computeIfAbsent", "computeIfPresent", "compute", "merge");

  /** Before a call on {@code receiver} (null for a static method) at {@code site}. */
  public void call(Object receiver, int site, boolean readOnly) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return;
    Operation op = readOnly ? Operation.CALL_READ : Operation.CALL;
    execution.step(ct, op, receiver, site);
    if (receiver instanceof ConcurrentHashMap && runsCallbackUnderLock(site)) ct.lockedCall = true;
    ct.inCall = true;
    if (execution.jdkStructuresOpened()) StructureSteps.callMade(ct, JdkStructures.codeOf(receiver));
    ct.callTarget = receiver;
    ct.callSite = site;
    execution.record(ct, op, receiver, site, null);
  }

  /**
   * Before {@code lock()} or {@code tryLock()} on {@code lock}, opening a section that only reads
   * ({@link SpinDetector}). Only a plain {@code ReentrantLock} is taken for one: taking and
   * releasing it without a queue leaves it as it was, and a subclass may override either to write.
   */
  public void lockToRead(Object lock, int site) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return;
    ct.opensReadOnly = isPlainReentrantLock(lock);
    call(lock, site, false);
  }

  /** Before {@code unlock()} of such a section, going straight back to its opening. */
  public void unlockToLockAgain(Object lock, int site) {
    ControlledThread ct = execution.controlled();
    if (ct == null) return;
    ct.closesLooping = isPlainReentrantLock(lock);
    call(lock, site, false);
  }

  private static boolean isPlainReentrantLock(Object lock) {
    return lock != null && lock.getClass() == ReentrantLock.class;
  }

  /**
   * Whether {@code ct}, inside such a call, is still in it: its frame is on the stack. (How deep
   * the stack is would not do: a later step in a method one call deeper than the call was would
   * pass for one inside it, and the thread would never be preempted there.)
   */
  static boolean stillInsideLockedCall() {
    return JdkFrames.inside("java.util.concurrent.ConcurrentHashMap", CALLBACK_UNDER_LOCK);
  }

  private static boolean runsCallbackUnderLock(int site) {
    Site s = SiteRegistry.get(site);
    String detail = s == null ? null : s.detail(); // "ConcurrentHashMap.computeIfAbsent"
    if (detail == null) return false;
    String method = detail.substring(detail.lastIndexOf('.') + 1);
    return CALLBACK_UNDER_LOCK.contains(method);
  }

  /** Whether a class is, or extends, one of {@code java.util.concurrent}. */
  private static final ClassValue<Boolean> CONCURRENT = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (c.getName().startsWith("java.util.concurrent.")) return true;
      }
      return false;
    }
  };

  /**
   * Whether a class is, or extends, one whose synchronized methods Weft models at the program's
   * calls ({@link Monitors#beforeSynchronizedCall}). Not {@code Properties}: it keeps its entries
   * in a concurrent map and calls no code of the program's while it holds its monitor.
   */
  private static final ClassValue<Boolean> SYNCHRONIZED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        switch (c.getName()) {
          case "java.util.Properties": return false;
          case "java.util.Vector", "java.util.Hashtable", "java.lang.StringBuffer": return true;
          default: break;
        }
      }
      return false;
    }
  };

  /**
   * Before a call through a collection interface, or on a class with synchronized methods: a point
   * when {@code receiver} is concurrent ({@link #call}) or synchronized (the monitor's enter).
   */
  public void callIfConcurrent(Object receiver, int site, boolean readOnly) {
    if (receiver == null) return;
    if (CONCURRENT.get(receiver.getClass())) {
      call(receiver, site, readOnly);
      return;
    }
    if (SYNCHRONIZED.get(receiver.getClass())) {
      execution.monitors().beforeSynchronizedCall(receiver, site);
    }
    // Its return comes back here as a concurrent call's does ({@link #returned}).
    ControlledThread ct = execution.holdingTurn();
    if (ct != null && execution.jdkStructuresOpened()) StructureSteps.callMade(ct, null);
  }

  /**
   * After the call returned normally (an exception leaves it open until the next step); {@code
   * failed} when it was an attempt that did nothing: a {@code compareAndSet} or {@code tryLock}
   * that returned false, a {@code poll} that returned null.
   */
  public void returned(boolean failed) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return;
    if (failed && ct.inCall) execution.attemptFailed(ct);
    ct.inCall = false;
    if (execution.jdkStructuresOpened()) StructureSteps.callReturned(ct);
  }
}
