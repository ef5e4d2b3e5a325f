package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Determinism;
import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.runtime.VirtualTime;
import java.time.Instant;

/**
 * The hooks that make an execution repeatable: the clocks, hash codes, random numbers, thread
 * numbers and ids. Part of the bridge instrumented bytecode calls: see {@link WeftHooks} for what
 * every hook does first and how it guards its model code.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class DeterminismHooks {
  private DeterminismHooks() {}

  // ---- time: controlled threads see the execution's virtual clock

  /** Replaces {@code System.nanoTime()}. */
  public static long nanoTime() {
    Execution e = Guarded.enter();
    long now = e == null ? Long.MIN_VALUE : Guarded.call(e, "DeterminismHooks.nanoTime",
        e::readClock);
    return now == Long.MIN_VALUE ? System.nanoTime() : VirtualTime.nanoTime(now);
  }

  /** Replaces {@code System.currentTimeMillis()}. */
  public static long currentTimeMillis() {
    Execution e = Guarded.enter();
    long now = e == null ? Long.MIN_VALUE : Guarded.call(e, "DeterminismHooks.currentTimeMillis",
        e::readClock);
    return now == Long.MIN_VALUE ? System.currentTimeMillis() : VirtualTime.millis(now);
  }

  /** Entry of the JDK's system clock ({@code Instant.now()} and all it serves); null: real. */
  public static Instant instantNow() {
    Execution e = Guarded.enter();
    long now = e == null ? Long.MIN_VALUE : Guarded.call(e, "DeterminismHooks.instantNow",
        e::readClock);
    return now == Long.MIN_VALUE ? null : VirtualTime.instant(now);
  }

  // ---- determinism: hash codes, random numbers, thread numbers and ids

  /** After application code constructed {@code o}. */
  public static void allocated(Object o) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "DeterminismHooks.allocated", () -> e.determinism().allocated(o));
  }

  /** Replaces {@code o.hashCode()}: the chosen identity hash for objects that have one. */
  public static int hashCode(Object o) {
    int chosen = chosenHash(o, "DeterminismHooks.hashCode");
    if (chosen != 0) return chosen;
    sawRealHash(o);
    return o.hashCode();
  }

  /** Replaces {@code System.identityHashCode(o)}. */
  public static int identityHashCode(Object o) {
    int chosen = chosenHash(o, "DeterminismHooks.identityHashCode");
    if (chosen != 0) return chosen;
    sawRealHash(o);
    return System.identityHashCode(o);
  }

  /**
   * The identity hash chosen for {@code o}, or 0. Chosen hashes outlive executions, so the lookup
   * runs with none too; a failure of it then has no execution to end and reaches the caller.
   */
  private static int chosenHash(Object o, String hook) {
    try {
      return Determinism.identityHash(o);
    } catch (RuntimeException | Error t) {
      Execution e = Execution.active();
      if (e == null) throw t;
      Guarded.failed(e, hook, t);
      return 0; // a thread Weft does not control: its real hash
    }
  }

  private static void sawRealHash(Object o) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "DeterminismHooks.sawRealHash",
        () -> e.determinism().hashedForReal(o));
  }

  /** Replaces {@code Math.random()}. */
  public static double mathRandom() {
    Execution e = Guarded.enter();
    double r = e == null ? Double.NaN
        : Guarded.call(e, "DeterminismHooks.mathRandom", () -> e.determinism().mathRandom());
    return Double.isNaN(r) ? Math.random() : r;
  }

  /** Filters the seed of an unseeded {@code Random} or {@code ThreadLocalRandom}. */
  public static long randomSeed(long real) {
    Execution e = Guarded.enter();
    return e == null ? real : Guarded.call(e, "DeterminismHooks.randomSeed",
        () -> e.determinism().seed(real));
  }

  /** Filters a thread's {@code ThreadLocalRandom} probe (never 0). */
  public static int randomProbe(int real) {
    Execution e = Guarded.enter();
    return e == null ? real
        : (int) (long) Guarded.call(e, "DeterminismHooks.randomProbe",
            () -> e.determinism().seed(real)) | 1;
  }

  /** Filters the number of a default thread name. */
  public static int threadNumber(int real) {
    Execution e = Guarded.enter();
    return e == null ? real
        : Guarded.call(e, "DeterminismHooks.threadNumber",
            () -> e.determinism().threadNumber(real));
  }

  /** Filters the number of an executor's default pool name. */
  public static int poolNumber(int real) {
    Execution e = Guarded.enter();
    return e == null ? real
        : Guarded.call(e, "DeterminismHooks.poolNumber", () -> e.determinism().poolNumber(real));
  }

  /** Filters {@code Thread.getId()} and {@code threadId()}. */
  public static long threadId(long real, Thread thread) {
    Execution e = Guarded.enter();
    return e == null ? real
        : Guarded.call(e, "DeterminismHooks.threadId",
            () -> e.determinism().threadId(thread, real));
  }
}
