package dev.weft.scheduler.threads;

import java.lang.reflect.Field;
import java.util.concurrent.locks.LockSupport;

/**
 * The runtime's own park and unpark, for the handoff of the turn. Same semantics as {@code
 * LockSupport}: a permit per thread, spurious returns possible.
 *
 * <p>The agent makes {@code LockSupport} a scheduling point of controlled threads, so a platform
 * thread parks beneath it, on {@code Unsafe}. A virtual thread cannot: {@code Unsafe.park} would
 * hold its carrier, and {@code Unsafe.unpark} of a virtual thread does nothing. It goes through
 * {@code LockSupport}, which unmounts it, while the calling controlled thread is marked {@link
 * TurnHolder#insideHook}, so that the hooks let the call through to the JDK.
 */
@SuppressWarnings({"removal", "deprecation"}) // park/unpark of sun.misc.Unsafe: present in 17-25
public final class Handoff {
  private static final sun.misc.Unsafe UNSAFE = unsafe();

  private Handoff() {}

  /** Parks {@code self}, the calling thread, until it is unparked (or spuriously). */
  public static void park(TurnHolder self) {
    if (self.virtual) {
      throughLockSupport(self, null);
    } else {
      UNSAFE.park(false, 0L);
    }
  }

  /**
   * Unparks {@code target}. {@code by} is the calling thread when it is controlled, or null when it
   * is not (a thread Weft does not control passes the hooks anyway).
   */
  public static void unpark(Thread target, TurnHolder by) {
    if (!VirtualThreads.isVirtual(target)) {
      UNSAFE.unpark(target);
    } else if (by == null) {
      LockSupport.unpark(target);
    } else {
      throughLockSupport(by, target);
    }
  }

  /** Parks {@code by}, or unparks {@code unparked} when not null, with {@code by}'s hooks off. */
  private static void throughLockSupport(TurnHolder by, Thread unparked) {
    boolean inside = by.insideHook;
    by.insideHook = true;
    try {
      if (unparked == null) {
        LockSupport.park(by);
      } else {
        LockSupport.unpark(unparked);
      }
    } finally {
      by.insideHook = inside;
    }
  }

  /** Parks the calling thread for at most {@code nanos}; a virtual one keeps its carrier. */
  public static void park(long nanos) {
    if (nanos > 0) UNSAFE.park(false, nanos);
  }

  /** {@code Unsafe.park} itself, for the JDK code that calls it directly. */
  public static void unsafePark(boolean absolute, long time) {
    UNSAFE.park(absolute, time);
  }

  /** {@code Unsafe.unpark} itself, likewise. */
  public static void unsafeUnpark(Object thread) {
    UNSAFE.unpark(thread);
  }

  private static sun.misc.Unsafe unsafe() {
    try {
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
