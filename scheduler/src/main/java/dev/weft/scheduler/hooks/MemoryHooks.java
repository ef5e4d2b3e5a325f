package dev.weft.scheduler.hooks;

import dev.weft.scheduler.runtime.Execution;
import dev.weft.scheduler.view.Operation;

/**
 * The hooks of field and array accesses: volatile ones always, plain ones under race detection.
 * Part of the bridge instrumented bytecode calls: see {@link WeftHooks} for what every hook does
 * first and how it guards its model code.
 *
 * <p>Internal: only the agent's generated code calls this class.
 */
public final class MemoryHooks {
  private MemoryHooks() {}

  // ---- volatile fields

  /** Before a read of a volatile field; {@code owner} is null for a static field. */
  public static void volatileRead(Object owner, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "MemoryHooks.volatileRead",
        () -> e.simpleStep(Operation.VOLATILE_READ, owner, site));
  }

  /** Before a write of a volatile field; {@code owner} is null for a static field. */
  public static void volatileWrite(Object owner, int site) {
    Execution e = Guarded.enter();
    if (e != null) Guarded.run(e, "MemoryHooks.volatileWrite",
        () -> e.simpleStep(Operation.VOLATILE_WRITE, owner, site));
  }

  // Plain accesses: instrumented only when the agent runs with race detection ("races").

  /** The execution in progress, entered as {@link Guarded#enter}, when it detects races. */
  private static Execution racing() {
    Execution e = Execution.active();
    return e == null || e.races() == null ? null : Guarded.enter(e);
  }

  /** Before a read of a plain field; {@code owner} is null for a static field. */
  public static void plainRead(Object owner, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "MemoryHooks.plainRead",
        () -> e.races().fieldAccessed(owner, site, false));
  }

  /** Before a write of a plain field; {@code owner} is null for a static field. */
  public static void plainWrite(Object owner, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "MemoryHooks.plainWrite",
        () -> e.races().fieldAccessed(owner, site, true));
  }

  /** Before a read of an array element ({@code array} may be null, {@code index} out of range). */
  public static void elementRead(Object array, int index, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "MemoryHooks.elementRead",
        () -> e.races().elementAccessed(array, index, site, false));
  }

  /** Before a write of an array element; likewise. */
  public static void elementWrite(Object array, int index, int site) {
    Execution e = racing();
    if (e != null) Guarded.run(e, "MemoryHooks.elementWrite",
        () -> e.races().elementAccessed(array, index, site, true));
  }
}
