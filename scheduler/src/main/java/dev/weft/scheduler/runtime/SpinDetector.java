package dev.weft.scheduler.runtime;

import dev.weft.scheduler.view.Operation;

/**
 * Fair scheduling of threads that cannot progress alone, after CHESS (Musuvathi and Qadeer, "Fair
 * Stateless Model Checking", PLDI 2008): a thread that keeps trying without changing anything gives
 * way to the threads that can, so no strategy starves the thread a spin waits for, and reaching the
 * step bound means a livelock in a fair schedule, never a correct spin-wait run unfairly.
 *
 * <p>A thread is <em>spinning</em> at its scheduling point when nothing has been written anywhere
 * since it
 * <ul>
 *   <li>polled, twice, what it is about to poll again: the same read (a volatile field, an atomic's
 *       {@code get}, {@code isAlive}, {@code getState}, a section that only reads) or failed
 *       attempt (a {@code compareAndSet} that returned false, a failed {@code tryLock}, a {@code
 *       poll} that returned null) at the same site on the same object; a loop may poll several
 *       such, each counted apart; or
 *   <li>reached, as now, a {@code Thread.yield()} or {@code Thread.onSpinWait()}: the program's
 *       own word that it waits for another thread.
 * </ul>
 * Running it would change nothing that another thread sees, so it steps aside while another thread
 * that can run is not spinning ({@link EnabledThreads}); when all that can run spin, they run, and
 * a true livelock or a spin that no thread will end reaches the step bound.
 *
 * <p>A {@code synchronized} section counts as a write: its enter and exit stand for the plain
 * writes inside, which Weft does not see. One that the agent found to only read (no store, call or
 * allocation inside) writes nothing, and is a poll of its monitor at its enter's site when the
 * thread comes back to it along a path that writes nothing either: its exit said so ({@code
 * closesLooping}), and the thread did nothing visible since. Otherwise its enter counts as a write,
 * since the exit publishes whatever the thread wrote before (under the memory model's data-race
 * freedom, a write that a section's read sees is published by a release that came after it, so
 * every such write moves the epoch before the poll that sees it). The exit of a section that only
 * reads is never a write.
 *
 * <p>Where it deviates from CHESS: CHESS lowers a yielding thread's priority below every thread
 * enabled since its last yield, until each has been scheduled; here it lasts until something is
 * written, which prunes more (another thread's reads cannot end a spin) and needs no choice beyond
 * the strategy's. The cost, in docs/strategies.md: a loop that only reads, or only fails, is not
 * interleaved with other threads after its second iteration, and a thread that yields does not go
 * on before another thread that can run has written something. Everything here follows from the
 * execution's own steps, so a replay sees the same threads spinning.
 */
final class SpinDetector {
  /** Polls of one site and object, with nothing written since, after which a thread spins. */
  private static final int SPIN_POLLS = 2;
  /** Distinct polls remembered per thread; a loop that polls more goes undetected past these. */
  static final int POLLS_KEPT = 8;

  /**
   * Counts operations that may have changed shared state. A failed attempt takes back the count
   * its call added; nothing else ran in between, so no thread holds the count it took back.
   */
  private long writeEpoch;
  /**
   * Whether a thread's state has been read ({@code getState}) in this execution. From then on, what
   * changes a state counts as a write too: a thread reaching an operation that may block it, and
   * the exit of a section that only reads, which may let a blocked thread in.
   */
  private boolean statesRead;
  /** Whether calls on the JDK's lock-free structures are opened up ({@link JdkStructures}). */
  private final boolean structuresOpened;

  SpinDetector(boolean structuresOpened) {
    this.structuresOpened = structuresOpened;
  }

  /** At a scheduling point, before the strategy chooses: {@code ct} is about to do {@code op}. */
  void reached(ControlledThread ct, Operation op) {
    ct.attemptEpoch = -1;
    if (isPause(op)) ct.pauseEpoch = writeEpoch;
    if (statesRead && mayBlock(op)) writeEpoch++;
  }

  /** {@code ct}'s operation now happens (not when it was reached, which may be long before). */
  void happened(ControlledThread ct, Operation op, Object target, int site) {
    Object looped = ct.loopedLock;
    ct.loopedLock = null; // whatever the thread does next, it is no longer straight back
    if (ct.opensReadOnly) {
      ct.opensReadOnly = false;
      ct.readOnlyLock = target;
      ct.readOnlySite = site;
      if (looped == target && ct.loopedSite == site) {
        polled(ct, target, site);
      } else {
        writeEpoch++;
        if (op == Operation.CALL) ct.attemptEpoch = writeEpoch; // a tryLock may fail yet
      }
      return;
    }
    boolean closes = ct.closesLooping;
    ct.closesLooping = false;
    // A monitor's exit, or the unlock that the agent found going straight back (a plain unlock of
    // the section's lock is a write, below).
    boolean closing = op == Operation.MONITOR_EXIT || op == Operation.CALL && closes;
    if (ct.readOnlyLock != null && target == ct.readOnlyLock && closing) {
      ct.readOnlyLock = null;
      if (closes) {
        ct.loopedLock = target;
        ct.loopedSite = ct.readOnlySite;
      }
      if (statesRead) writeEpoch++;
      return;
    }
    if (op == Operation.GET_STATE) statesRead = true;
    if (mayWrite(op)) ct.readOnlyLock = null; // not what the agent found: its close is a write
    // An opened structure's call reads and writes nothing itself: the steps inside it do.
    if (op.isCall() && structuresOpened && JdkStructures.isStructure(target)) return;
    if (isRead(op)) {
      polled(ct, target, site);
    } else if (mayWrite(op)) {
      writeEpoch++;
      if (op == Operation.CALL) ct.attemptEpoch = writeEpoch;
    }
  }

  /**
   * {@code ct}'s call, the last step it took, was an attempt that failed: it wrote nothing. Ignored
   * when the call took further steps (it parked), which may have written.
   */
  void attemptFailed(ControlledThread ct) {
    boolean opening = ct.readOnlyLock == ct.pendingObject && ct.readOnlySite == ct.pendingSite;
    ct.readOnlyLock = null; // a tryLock that failed opened no section
    if (ct.attemptEpoch != writeEpoch) return;
    writeEpoch--;
    ct.attemptEpoch = -1;
    polled(ct, ct.pendingObject, opening ? failedOpening(ct.pendingSite) : ct.pendingSite);
  }

  /**
   * The poll a failed {@code tryLock} that would have opened a section counts as, apart from the
   * section's own polls at its site: only failures say that it will fail again, a taken section
   * whose close did not loop back says nothing (the thread may have written on its way).
   */
  private static int failedOpening(int site) {
    return -2 - site;
  }

  private void polled(ControlledThread ct, Object target, int site) {
    if (ct.pollEpoch != writeEpoch) {
      ct.pollsKept = 0;
      ct.pollEpoch = writeEpoch;
    }
    int i = indexOfPoll(ct, target, site);
    if (i >= 0) {
      ct.pollCounts[i]++;
    } else if (ct.pollsKept < POLLS_KEPT) {
      ct.pollSites[ct.pollsKept] = site;
      ct.pollTargets[ct.pollsKept] = target;
      ct.pollCounts[ct.pollsKept++] = 1;
    }
  }

  private static int indexOfPoll(ControlledThread ct, Object target, int site) {
    for (int i = 0; i < ct.pollsKept; i++) {
      if (ct.pollSites[i] == site && ct.pollTargets[i] == target) return i;
    }
    return -1;
  }

  boolean isSpinning(ControlledThread t) {
    if (isPause(t.pendingOp)) return t.pauseEpoch == writeEpoch;
    int site = t.pendingSite;
    if (t.opensReadOnly) {
      boolean looped = t.loopedLock == t.pendingObject && t.loopedSite == site;
      if (!looped && t.pendingOp != Operation.CALL) return false;
      if (!looped) site = failedOpening(site);
    } else if (!isRead(t.pendingOp) && t.pendingOp != Operation.CALL) {
      return false;
    }
    if (t.pollEpoch != writeEpoch) return false;
    int i = indexOfPoll(t, t.pendingObject, site);
    return i >= 0 && t.pollCounts[i] >= SPIN_POLLS;
  }

  /** Reads of shared state that a loop may poll: a volatile field, a thread's state or status. */
  static boolean isRead(Operation op) {
    return op == Operation.VOLATILE_READ || op == Operation.PLAIN_READ || op == Operation.CALL_READ
        || op == Operation.IS_ALIVE || op == Operation.IS_INTERRUPTED || op == Operation.GET_STATE;
  }

  /** Operations at which a thread may block, so that {@code getState} tells it waits. */
  private static boolean mayBlock(Operation op) {
    return op == Operation.MONITOR_ENTER || op == Operation.PARK || op == Operation.JOIN;
  }

  /** A thread's word that it waits for another: it changes nothing. */
  static boolean isPause(Operation op) {
    return op == Operation.YIELD || op == Operation.SPIN_WAIT;
  }

  /** Whether an operation may change shared state (anything but reads and pauses). */
  static boolean mayWrite(Operation op) {
    return !isRead(op) && !isPause(op) && op != Operation.SLEEP;
  }
}
