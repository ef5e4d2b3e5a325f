package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.MonitorModel;
import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.view.ChoiceKind;
import dev.weft.scheduler.view.Operation;
import java.util.List;

/**
 * Object monitors in one execution: {@code synchronized}, {@code wait}, {@code notify}. Real monitors
 * stay in place; the models here (owner, reentrancy, wait set) tell the scheduler who may proceed
 * before anyone blocks, so a real monitor is never contended.
 *
 * <p>The JDK's own monitors are modelled where controlled threads share them. Code of the JDK's
 * synchronized views, iterators and timer ({@code Collections.synchronizedMap}, {@code Timer}) gets
 * the same hooks as the program's, and its steps are shown at the program's line that called into
 * it ({@link JdkFrames#shown}). The synchronized methods of {@code Vector}, {@code Hashtable} and
 * {@code StringBuffer} cannot lose their flag once loaded, so the JVM takes their monitor before any
 * hook inside could run: the program's call is the scheduling point instead ({@link
 * #beforeSynchronizedCall}), and the method's own entry and exits only keep the model ({@link
 * #enteredSynchronized}, {@link #exitingSynchronized}).
 */
public final class Monitors {
  private final Execution execution;
  private final IdentityTable<MonitorModel> models = new IdentityTable<>();

  Monitors(Execution execution) {
    this.execution = execution;
  }

  IdentityTable<MonitorModel> models() {
    return models;
  }

  boolean isFreeFor(Object lock, ControlledThread t) {
    MonitorModel m = models.get(lock);
    return m == null || m.isFreeFor(t.id);
  }

  private MonitorModel model(Object lock) {
    MonitorModel m = models.get(lock);
    if (m == null) {
      execution.nameOf(lock); // named at first touch, so deadlock reports are stable
      m = new MonitorModel();
      models.put(lock, m);
    }
    return m;
  }

  /**
   * Before {@code monitorenter}: a scheduling point unless the thread already owns the monitor.
   * {@code readOnly}: the section writes nothing ({@link SpinDetector}).
   */
  public void enter(Object lock, int site, boolean readOnly) {
    ControlledThread ct = lock == null ? null : execution.controlled();
    if (ct == null) return; // a null lock: the real monitorenter throws the program's exception
    site = JdkFrames.shown(ct, site);
    MonitorModel m = model(lock);
    if (m.owner() != ct.id) {
      ct.opensReadOnly = readOnly;
      execution.step(ct, Operation.MONITOR_ENTER, lock, site);
    }
    m.enter(ct.id, site);
    execution.record(ct, Operation.MONITOR_ENTER, lock, site, null);
  }

  /**
   * Before the program calls a method of {@code receiver}, an object whose class has synchronized
   * methods the JVM enters before any hook ({@code Vector.add}): the scheduling point of that
   * method's monitor enter, at the program's line, unless the thread holds the monitor already.
   */
  public void beforeSynchronizedCall(Object receiver, int site) {
    ControlledThread ct = execution.controlled();
    if (ct == null || model(receiver).owner() == ct.id) return;
    execution.step(ct, Operation.MONITOR_ENTER, receiver, site);
    execution.record(ct, Operation.MONITOR_ENTER, receiver, site, null);
  }

  /**
   * At the entry of such a synchronized method, once the JVM holds its monitor: the model follows,
   * without a scheduling point (another thread must never be let run into the real monitor). The
   * acquisition is placed at the program's call when one led here, and nowhere otherwise (JDK code
   * calling the method), so that only the first is shown in a trace.
   */
  public void enteredSynchronized(Object lock) {
    execution.resumedInJvm(lock);
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return;
    MonitorModel m = model(lock);
    if (!m.isFreeFor(ct.id)) return; // the real monitor is ours, so the model cannot say otherwise
    boolean called = ct.pendingOp == Operation.MONITOR_ENTER && ct.pendingObject == lock;
    boolean reentered = m.owner() == ct.id;
    m.enter(ct.id, called ? ct.pendingSite : -1);
    // Taken with no scheduling point of its own (JDK code called the method): still an acquisition,
    // which systematic search must see to try another thread's acquisition before it.
    if (!called && !reentered) execution.accessedBetweenSteps(ct, Operation.MONITOR_ENTER, lock, -1);
  }

  /** Before each way out of such a method: the model's release, shown where it was entered. */
  public void exitingSynchronized(Object lock) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return;
    MonitorModel m = models.get(lock);
    if (m == null || m.owner() != ct.id) return;
    int site = m.acquireSite();
    m.exit(ct.id);
    execution.accessedBetweenSteps(ct, Operation.MONITOR_EXIT, lock, site);
    if (site >= 0 && m.owner() == -1) execution.record(ct, Operation.MONITOR_EXIT, lock, site, null);
  }

  /**
   * After {@code monitorexit}. Never throws: it runs inside the handlers javac generates. {@code
   * looping}: the code goes straight back to the enter of a section that only reads.
   */
  public void exit(Object lock, int site, boolean looping) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return;
    MonitorModel m = models.get(lock);
    if (m == null) return;
    site = JdkFrames.shown(ct, site);
    m.exit(ct.id);
    ct.closesLooping = looping;
    execution.accessedBetweenSteps(ct, Operation.MONITOR_EXIT, lock, site);
    execution.record(ct, Operation.MONITOR_EXIT, lock, site, null);
  }

  /**
   * Emulates {@code lock.wait}: releases the modelled monitor, lets others run, and resumes when
   * notified, interrupted, timed out or spuriously woken ({@link SpuriousWakeups}). Returns false
   * when the caller is not controlled and the real wait must run.
   */
  public boolean waitOn(Object lock, long timeoutNanos, int site) throws InterruptedException {
    ControlledThread ct = lock == null ? null : execution.controlled();
    if (ct == null) return false;
    site = JdkFrames.shown(ct, site);
    execution.step(ct, Operation.WAIT, lock, site);
    MonitorModel m = owned(lock, ct);
    if (ct.interrupted) {
      ct.interrupted = false;
      execution.record(ct, Operation.WAIT, lock, site, "already interrupted");
      throw HookGuard.forProgram(new InterruptedException());
    }
    execution.record(ct, Operation.WAIT, lock, site, null);
    ct.savedDepth = m.releaseAll(ct.id);
    ct.waitLock = lock;
    ct.waitTimeoutNanos = timeoutNanos;
    ct.notified = false;
    ct.status = ThreadStatus.WAITING;
    ct.pendingOp = Operation.WAKE;
    ct.spurious = execution.spuriousWakeups().grantWait(ct, timeoutNanos);
    execution.yieldTurnInWait(ct, lock);
    m.leaveWaitSet(ct.id);
    m.reacquire(ct.id, ct.savedDepth, site);
    execution.rewoken(ct, lock, site);
    ct.status = ThreadStatus.RUNNABLE;
    String why;
    if (ct.notified || ct.interrupted) {
      why = ct.notified ? "notified" : "interrupted";
    } else if (ct.spurious) {
      why = "spurious wakeup";
      execution.wokeSpuriously(ct, "wait on " + execution.nameOf(lock));
    } else {
      why = "timed out";
      execution.advanceClock(timeoutNanos);
    }
    ct.spurious = false;
    execution.record(ct, Operation.WAKE, lock, site, why);
    // Notified and interrupted: return normally with the interrupt pending, as HotSpot does, so the
    // notification is not lost (JLS 17.2.4).
    if (ct.interrupted && !ct.notified) {
      ct.interrupted = false;
      throw HookGuard.forProgram(new InterruptedException());
    }
    return true;
  }

  /** Emulates {@code notify}/{@code notifyAll}; which waiter wakes is the strategy's choice. */
  public boolean notify(Object lock, boolean all, int site) {
    ControlledThread ct = lock == null ? null : execution.controlled();
    if (ct == null) return false;
    Operation op = all ? Operation.NOTIFY_ALL : Operation.NOTIFY;
    site = JdkFrames.shown(ct, site);
    execution.step(ct, op, lock, site);
    List<Integer> waiters = owned(lock, ct).waitSet();
    StringBuilder woken = new StringBuilder();
    while (!waiters.isEmpty()) {
      int index = all ? 0 : execution.choose(ct, ChoiceKind.NOTIFY, waiters.size());
      ControlledThread w = execution.thread(waiters.remove(index));
      w.notified = true;
      woken.append(woken.length() == 0 ? "woke " : ", ").append(w.displayName());
      if (!all) break;
    }
    execution.record(ct, op, lock, site, woken.length() == 0 ? "no waiter" : woken.toString());
    return true;
  }

  /** The model of a monitor {@code ct} must own, as the JVM requires for wait and notify. */
  private MonitorModel owned(Object lock, ControlledThread ct) {
    MonitorModel m = models.get(lock);
    if (m == null || m.owner() != ct.id) {
      throw HookGuard.forProgram(
          new IllegalMonitorStateException("current thread is not owner"));
    }
    return m;
  }
}
