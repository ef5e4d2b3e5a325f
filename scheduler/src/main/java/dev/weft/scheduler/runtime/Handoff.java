package dev.weft.scheduler.runtime;

import java.lang.reflect.Field;

/**
 * The runtime's own park and unpark, beneath {@code LockSupport}: the agent makes {@code
 * LockSupport} a scheduling point of controlled threads, so the handoff of the turn must not go
 * through it. Same semantics: a permit per thread, spurious returns possible.
 */
@SuppressWarnings({"removal", "deprecation"}) // park/unpark of sun.misc.Unsafe: present in 17-25
final class Handoff {
  private static final sun.misc.Unsafe UNSAFE = unsafe();

  private Handoff() {}

  static void park() {
    UNSAFE.park(false, 0L);
  }

  /** Parks for at most {@code nanos}. */
  static void park(long nanos) {
    if (nanos > 0) UNSAFE.park(false, nanos);
  }

  static void unpark(Object thread) {
    UNSAFE.unpark(thread);
  }

  /** {@code Unsafe.park} itself, for the JDK code that calls it directly. */
  static void park(boolean absolute, long time) {
    UNSAFE.park(absolute, time);
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
