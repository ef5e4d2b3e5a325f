package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.runtime.Parking;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * The hooks of {@code LockSupport} and of the {@code Unsafe} park beneath it, and of the fork-join
 * common pool, which the execution replaces by its own. Part of the bridge instrumented bytecode
 * calls: see {@link WeftHooks} for what every hook does first and how it guards its model code.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class ParkingHooks {
  private ParkingHooks() {}

  // ---- LockSupport (entries of its methods): true when the model handled the call

  public static boolean park(Object blocker) {
    Execution e = Guarded.enter();
    return e != null && Guarded.call(e, "ParkingHooks.park", () -> e.parking().park(blocker, -1));
  }

  public static boolean parkNanos(Object blocker, long nanos) {
    Execution e = Guarded.enter();
    return e != null && Guarded.call(e, "ParkingHooks.parkNanos",
        () -> nanos > 0 && e.parking().park(blocker, nanos));
  }

  /** {@code deadline} in milliseconds since the epoch, read against the virtual clock. */
  public static boolean parkUntil(Object blocker, long deadline) {
    Execution e = Guarded.enter();
    return e != null
        && Guarded.call(e, "ParkingHooks.parkUntil",
            () -> e.parking().parkUntil(blocker, deadline));
  }

  public static boolean unpark(Thread thread) {
    Execution e = Execution.active();
    if (e == null) return false;
    try {
      return e.parking().unpark(thread);
    } catch (RuntimeException | Error t) {
      Guarded.failed(e, "ParkingHooks.unpark", t);
      return false;
    }
  }

  /** Replaces {@code Unsafe.park(absolute, time)} in {@code java.util.concurrent}. */
  public static void unsafePark(Object unsafe, boolean absolute, long time) {
    Execution e = Execution.active();
    try {
      if (e != null && e.parking().unsafePark(absolute, time)) return;
    } catch (RuntimeException | Error t) {
      Guarded.failed(e, "ParkingHooks.unsafePark", t);
    }
    Parking.realUnsafePark(absolute, time);
  }

  /** Replaces {@code Unsafe.unpark(thread)} in {@code java.util.concurrent}. */
  public static void unsafeUnpark(Object unsafe, Object thread) {
    Execution e = Execution.active();
    try {
      if (e != null && thread instanceof Thread t && e.parking().unpark(t)) return;
    } catch (RuntimeException | Error t) {
      Guarded.failed(e, "ParkingHooks.unsafeUnpark", t);
    }
    Parking.realUnsafeUnpark(thread);
  }

  /** Filters a read of the fork-join common pool: the execution's own pool for its threads. */
  public static ForkJoinPool commonPool(ForkJoinPool real) {
    Execution e = Guarded.enter();
    return e == null ? real : Guarded.call(e, "ParkingHooks.commonPool",
        () -> e.pools().commonPool(real));
  }

  /**
   * Filters a read of {@code CompletableFuture}'s default executor (an {@code Executor} on JDK 17,
   * where it is a thread per task on machines with fewer than 3 cores): the execution's pool too,
   * so that the same program runs the same way on every JDK and machine.
   */
  public static Executor commonPool(Executor real) {
    Execution e = Guarded.enter();
    return e == null ? real : Guarded.call(e, "ParkingHooks.commonPool",
        () -> e.pools().commonPool(real));
  }
}
