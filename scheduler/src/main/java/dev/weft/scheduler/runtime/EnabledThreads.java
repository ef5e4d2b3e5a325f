package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.view.Operation;
import java.util.Arrays;

/**
 * Which threads of an execution can run at a scheduling point, from the models: a monitor held by
 * another thread, a park without a permit, a join on a live thread, a wait not notified, a socket
 * not ready, a class another thread is initializing. Kept in an
 * int array reused from step to step, so collecting allocates nothing.
 *
 * <p>A step visits the threads that have not finished, not every thread the execution started, and
 * answers whether a thread can run without a scan: what a step costs grows with the threads alive,
 * whose enabledness the step log records anyway, and not with those that were.
 *
 * <p>A thread that can only time out is a choice of the timeout model. A wait of at least {@link
 * #LONG_TIMEOUT_NANOS}, and under {@code timeoutsWhenBlocked} every timed wait, is left out while
 * another thread can run: such a wait would not expire while there is still work to do, and letting
 * it would report bugs no real run shows (an {@code awaitTermination(1, MINUTES)} returning false
 * with the worker about to finish). A shorter one otherwise may expire at any scheduling point, as
 * it can on a loaded machine; {@link #timesOutWhileOthersRun} tells when that was chosen, so a
 * failure can say so. Spinning threads wait while a thread that can change something is able to
 * run ({@link SpinDetector}).
 */
final class EnabledThreads {
  /** Timeouts this long or longer expire only when no other thread can run. */
  static final long LONG_TIMEOUT_NANOS = 1_000_000_000L;

  /**
   * Whether a thread can run: now on its own account, now only because its timeout may expire,
   * only once nothing else can run (a timeout the model lets expire only then), or not at all.
   */
  private enum Enabled { NO, NOW, BY_TIMEOUT, WHEN_BLOCKED }

  private final Monitors monitors;
  private final Sockets sockets;
  private final ClassInits classInits;
  private final SpinDetector spin;
  private final boolean timeoutsWhenBlocked;
  private int[] ids = new int[4];
  private int count;
  /**
   * The ids of the threads not known to have finished, ascending, so a step visits them in the
   * order it would visit every thread; {@code seen} threads of the execution have been added.
   */
  private int[] live = new int[4];
  private int liveCount;
  private int seen;
  /** {@code marks[id] == collection} when thread {@code id} is among those last collected. */
  private int[] marks = new int[0];
  private int collection;

  EnabledThreads(Monitors monitors, Sockets sockets, ClassInits classInits, SpinDetector spin,
      boolean timeoutsWhenBlocked) {
    this.monitors = monitors;
    this.sockets = sockets;
    this.classInits = classInits;
    this.spin = spin;
    this.timeoutsWhenBlocked = timeoutsWhenBlocked;
  }

  /** Collects the threads of {@code all} that can run now. */
  void collect(ControlledThread[] all) {
    if (ids.length < all.length) ids = new int[all.length * 2];
    updateLive(all);
    int n = 0;
    boolean progress = false;
    for (int pass = 0; pass < 2 && n == 0; pass++) {
      for (int i = 0; i < liveCount; i++) {
        ControlledThread t = all[live[i]];
        Enabled e = of(t);
        if (pass == 0 ? e == Enabled.NOW || e == Enabled.BY_TIMEOUT : e == Enabled.WHEN_BLOCKED) {
          ids[n++] = t.id;
          progress |= !spin.isSpinning(t);
        }
      }
    }
    if (progress) {
      int kept = 0;
      for (int i = 0; i < n; i++) {
        if (!spin.isSpinning(all[ids[i]])) ids[kept++] = ids[i];
      }
      n = kept;
    }
    count = n;
    mark(all.length);
  }

  /** Adds the threads started since the last step, and drops those that have finished. */
  private void updateLive(ControlledThread[] all) {
    if (live.length < all.length) live = Arrays.copyOf(live, all.length * 2);
    int kept = 0;
    for (int i = 0; i < liveCount; i++) {
      if (all[live[i]].status != ThreadStatus.FINISHED) live[kept++] = live[i];
    }
    for (; seen < all.length; seen++) live[kept++] = seen;
    liveCount = kept;
  }

  private void mark(int threads) {
    if (marks.length < threads) marks = new int[threads * 2];
    collection++;
    for (int i = 0; i < count; i++) marks[ids[i]] = collection;
  }

  /** Whether a thread of {@code all} other than the JDK's daemons has not finished. */
  boolean anyAlive(ControlledThread[] all) {
    for (int i = 0; i < liveCount; i++) {
      ControlledThread t = all[live[i]];
      if (t.status != ThreadStatus.FINISHED && !t.jdkDaemon) return true;
    }
    for (int id = seen; id < all.length; id++) {
      if (all[id].status != ThreadStatus.FINISHED && !all[id].jdkDaemon) return true;
    }
    return false;
  }

  int count() {
    return count;
  }

  /** The id of the {@code i}-th thread that can run. */
  int id(int i) {
    return ids[i];
  }

  boolean contains(int id) {
    return id >= 0 && id < marks.length && marks[id] == collection;
  }

  /** Whether {@code t} can run now, long timeouts aside. */
  boolean canRunNow(ControlledThread t) {
    Enabled e = of(t);
    return e == Enabled.NOW || e == Enabled.BY_TIMEOUT;
  }

  /**
   * Whether running {@code chosen}, of the threads collected, makes its timeout expire while
   * another thread could still run on its own account.
   */
  boolean timesOutWhileOthersRun(ControlledThread chosen, ControlledThread[] all) {
    if (of(chosen) != Enabled.BY_TIMEOUT) return false;
    for (int i = 0; i < count; i++) {
      if (ids[i] != chosen.id && of(all[ids[i]]) == Enabled.NOW) return true;
    }
    return false;
  }

  /** Whether a wait of {@code nanos} (-1: untimed) may time out while other threads can run. */
  boolean mayExpireAnytime(long nanos) {
    return nanos >= 0 && nanos < LONG_TIMEOUT_NANOS && !timeoutsWhenBlocked;
  }

  private Enabled of(ControlledThread t) {
    switch (t.status) {
      case RUNNABLE:
        if (t.starting) return Enabled.NO; // not yet at its first visible operation
        if (t.pendingOp == Operation.MONITOR_ENTER) {
          return monitors.isFreeFor(t.pendingObject, t) ? Enabled.NOW : Enabled.NO;
        }
        if (t.pendingOp == Operation.PARK) {
          if (Parking.wouldOnlyParkAgain(t)) return Enabled.NO;
          return Parking.mayReturn(t) ? Enabled.NOW : timeout(t.parkTimeoutNanos);
        }
        if (t.pendingOp == Operation.SOCKET_WAIT && t.socketFd != null) {
          return sockets.ready(t) ? Enabled.NOW : timeout(t.socketTimeoutNanos);
        }
        if (t.pendingOp == Operation.CLASS_INIT) {
          return classInits.blocker(t) == null ? Enabled.NOW : Enabled.NO;
        }
        if (t.pendingOp == Operation.JOIN) {
          return t.joinTarget.status == ThreadStatus.FINISHED || t.interrupted ? Enabled.NOW
              : timeout(t.joinTimeoutNanos);
        }
        return Enabled.NOW;
      case WAITING:
        if (!monitors.isFreeFor(t.waitLock, t)) return Enabled.NO;
        return t.notified || t.interrupted || t.spurious ? Enabled.NOW
            : timeout(t.waitTimeoutNanos);
      default:
        return Enabled.NO;
    }
  }

  /** A blocked thread that may time out after {@code nanos} (-1: never). */
  private Enabled timeout(long nanos) {
    if (nanos < 0) return Enabled.NO;
    return mayExpireAnytime(nanos) ? Enabled.BY_TIMEOUT : Enabled.WHEN_BLOCKED;
  }
}
