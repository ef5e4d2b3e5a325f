package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.ThreadStatus;

/**
 * Which threads of an execution can run at a scheduling point, from the models: a monitor held by
 * another thread, a park without a permit, a join on a live thread, a wait not notified, a socket
 * not ready, a class another thread is initializing. Kept in an
 * int array reused from step to step, so collecting allocates nothing.
 *
 * <p>A thread that can only time out, from a wait of at least {@link #LONG_TIMEOUT_NANOS}, is left
 * out while another thread can run: such a wait would not expire while there is still work to do,
 * and letting it would report bugs no real run shows (an {@code awaitTermination(1, MINUTES)}
 * returning false with the worker about to finish). Spinning threads wait while a thread that can
 * change something is able to run ({@link SpinDetector}).
 */
final class EnabledThreads {
  /** Timeouts this long or longer expire only when no other thread can run. */
  static final long LONG_TIMEOUT_NANOS = 1_000_000_000L;

  private enum Enabled { NO, NOW, AFTER_LONG_TIMEOUT }

  private final Monitors monitors;
  private final Sockets sockets;
  private final ClassInits classInits;
  private final SpinDetector spin;
  private final boolean spuriousWakeups;
  private int[] ids = new int[4];
  private int count;

  EnabledThreads(Monitors monitors, Sockets sockets, ClassInits classInits, SpinDetector spin,
      boolean spuriousWakeups) {
    this.monitors = monitors;
    this.sockets = sockets;
    this.classInits = classInits;
    this.spin = spin;
    this.spuriousWakeups = spuriousWakeups;
  }

  /** Collects the threads of {@code all} that can run now. */
  void collect(ControlledThread[] all) {
    if (ids.length < all.length) ids = new int[all.length * 2];
    int n = 0;
    boolean progress = false;
    for (int pass = 0; pass < 2 && n == 0; pass++) {
      Enabled wanted = pass == 0 ? Enabled.NOW : Enabled.AFTER_LONG_TIMEOUT;
      for (ControlledThread t : all) {
        if (of(t) == wanted) {
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
  }

  int count() {
    return count;
  }

  /** The id of the {@code i}-th thread that can run. */
  int id(int i) {
    return ids[i];
  }

  boolean contains(int id) {
    for (int i = 0; i < count; i++) if (ids[i] == id) return true;
    return false;
  }

  /** Whether {@code t} can run now, long timeouts aside. */
  boolean canRunNow(ControlledThread t) {
    return of(t) == Enabled.NOW;
  }

  private Enabled of(ControlledThread t) {
    switch (t.status) {
      case RUNNABLE:
        if (t.starting) return Enabled.NO; // not yet at its first visible operation
        if (t.pendingOp == Operation.MONITOR_ENTER) {
          return monitors.isFreeFor(t.pendingObject, t) ? Enabled.NOW : Enabled.NO;
        }
        if (t.pendingOp == Operation.PARK) {
          return Parking.mayReturn(t, spuriousWakeups) ? Enabled.NOW : timeout(t.parkTimeoutNanos);
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
        return t.notified || t.interrupted || spuriousWakeups ? Enabled.NOW
            : timeout(t.waitTimeoutNanos);
      default:
        return Enabled.NO;
    }
  }

  /** A blocked thread that may time out after {@code nanos} (-1: never). */
  private static Enabled timeout(long nanos) {
    if (nanos < 0) return Enabled.NO;
    return nanos < LONG_TIMEOUT_NANOS ? Enabled.NOW : Enabled.AFTER_LONG_TIMEOUT;
  }
}
