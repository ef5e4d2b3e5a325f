package dev.weft.scheduler.runtime;

import dev.weft.scheduler.view.Operation;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * The scheduling points inside a JDK structure's call ({@link JdkStructures}): its memory accesses
 * and its monitors, taken only while the calling thread is inside a call of the program's on such a
 * structure ({@link ControlledThread#insideStructure}); anywhere else they pass through.
 */
public final class StructureSteps {
  private final Execution execution;

  StructureSteps(Execution execution) {
    this.execution = execution;
  }

  /** Before a read ({@code write} false) or write of a field of {@code holder} (null: static). */
  public void access(Object holder, int site, boolean write) {
    ControlledThread ct = inside(site);
    if (ct != null) step(ct, holder, site, write);
  }

  private void step(ControlledThread ct, Object holder, int site, boolean write) {
    Operation op = write ? Operation.VOLATILE_WRITE : Operation.VOLATILE_READ;
    execution.step(ct, op, holder, site);
    execution.record(ct, op, holder, site, null);
  }

  /**
   * Before an access through {@code handle}, whose first argument is {@code first} (null when it
   * has none or it is a primitive): that argument is the object accessed, unless the handle is of a
   * static field, which has no coordinates.
   */
  public void handleAccess(Object handle, Object first, int site, boolean write) {
    ControlledThread ct = inside(site);
    if (ct == null) return;
    step(ct, isStatic(ct, (VarHandle) handle) ? null : first, site, write);
  }

  /** Before a {@code monitorenter} inside a structure's call. */
  public void monitorEnter(Object lock, int site) {
    if (inside(site) != null) execution.monitors().enter(lock, site, false);
  }

  /**
   * Whether {@code handle} is of a static field. Asked as Weft's own work: the JDK builds the
   * answer, once per handle, with code that reaches hooks (a map of method types).
   */
  private static boolean isStatic(ControlledThread ct, VarHandle handle) {
    ct.insideHook = true;
    try {
      return handle.coordinateTypes().isEmpty();
    } finally {
      ct.insideHook = false;
    }
  }

  /**
   * The calling thread when it is controlled and inside a structure's call, {@code site} lies in
   * that structure's code, and this is the only hook whose model code the thread runs (not one
   * reached from another hook's, whose lookups in a map must not be steps); else null.
   */
  private ControlledThread inside(int site) {
    ControlledThread ct = execution.controlled();
    return ct != null && ct.insideStructure != null && ct.modelDepth == 1
        && JdkStructures.inCodeOf(ct.insideStructure, site) ? ct : null;
  }

  /**
   * What {@link ControlledThread#insideStructure} was outside a program's call still running.
   *
   * @param code the classes whose accesses were steps there, or null
   * @param next the same for the call around that one, or null
   */
  record Outer(List<String> code, Outer next) {}

  /**
   * {@code ct}, the structures opened, makes a call of the program's into {@code
   * java.util.concurrent} (or through a collection interface) whose receiver runs {@code code}
   * (null: not a structure). Calls nest where a structure runs the program's code (a {@code
   * forEach}'s action, a {@code compute}'s function) that calls again: when the inner call
   * returns, the outer one's accesses are steps again, and its monitors exit in the model. A call
   * that throws never returns here: its classes stay until the call around it returns.
   */
  static void callMade(ControlledThread ct, List<String> code) {
    ct.outsideCalls = new Outer(ct.insideStructure, ct.outsideCalls);
    ct.insideStructure = code;
  }

  /** The innermost call {@link #callMade} saw has returned. */
  static void callReturned(ControlledThread ct) {
    Outer outer = ct.outsideCalls;
    ct.insideStructure = outer == null ? null : outer.code();
    ct.outsideCalls = outer == null ? null : outer.next();
  }

  /** After its {@code monitorexit}. Never throws. */
  public void monitorExit(Object lock, int site) {
    ControlledThread ct = execution.holdingTurn();
    if (ct != null && ct.insideStructure != null && ct.modelDepth == 1
        && JdkStructures.inCodeOf(ct.insideStructure, site)) {
      execution.monitors().exit(lock, site, false);
    }
  }
}
