package dev.weft.scheduler.runtime;

import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.Operation;

/**
 * The {@link Locations} key of each operation of one execution. Objects are numbered in the order
 * the execution first touches them, so keys repeat across executions that share a prefix.
 */
final class LocationKeys {
  private final Execution execution;
  private final IdentityTable<Integer> objectNumbers = new IdentityTable<>();
  /**
   * Objects numbered in the order steps and accesses between them first act on them, apart from
   * {@link #objectNumbers}: those also count the plain accesses a run watches, which differ with
   * its settings (the racing sites it knows), while a replay must number alike what it replays.
   */
  private final IdentityTable<Integer> targetNumbers = new IdentityTable<>();
  /** Classes whose initialization only race detection sees ({@link #ofClass}). */
  private final IdentityTable<Integer> classNumbers = new IdentityTable<>();

  LocationKeys(Execution execution) {
    this.execution = execution;
  }

  /** What {@code op} by {@code t} on {@code target} at {@code site} touches. */
  long of(ControlledThread t, Operation op, Object target, int site) {
    if (op == null) return Locations.NONE; // a thread that has not taken its first step
    switch (op) {
      case MONITOR_ENTER: case MONITOR_EXIT: case WAIT: case WAKE: case NOTIFY: case NOTIFY_ALL:
        return Locations.monitor(objectNumber(target));
      case CLASS_INIT: case CLASS_INITIALIZED:
        // The class's own key: shared with its monitor (static synchronized), which only adds
        // dependence.
        return Locations.monitor(objectNumber(target));
      case VOLATILE_READ: case VOLATILE_WRITE:
        return Locations.field(target == null ? 0 : objectNumber(target),
            SiteRegistry.detailNumber(site));
      case PLAIN_READ: case PLAIN_WRITE:
        // An array has no fields, so its elements may take the field numbers (0 is the monitor);
        // indices past the field bits share keys, which only adds dependence.
        if (t.pendingIndex >= 0) return Locations.field(objectNumber(target), t.pendingIndex + 1);
        return Locations.field(target == null ? 0 : objectNumber(target),
            SiteRegistry.detailNumber(site));
      case START: case JOIN: case IS_ALIVE: case GET_STATE:
        return Locations.lifecycle(idOf(target));
      case INTERRUPT: case IS_INTERRUPTED: case CLEAR_INTERRUPT:
        return Locations.interruptStatus(idOf(target));
      case END:
        return Locations.lifecycle(t.id);
      case CALL: case CALL_READ:
        // An opened structure's call touches only what the steps inside it touch, each with its
        // own key.
        return execution.jdkStructuresOpened() && JdkStructures.isStructure(target)
            ? Locations.NONE : Locations.CONCURRENT;
      case PARK: case UNPARK:
        return Locations.CONCURRENT;
      case SOCKET: case SOCKET_WAIT:
        return Locations.SOCKETS;
      case BEGIN:
        // What a thread JDK code started runs next is JDK code that hands work over; a program's
        // thread has done nothing yet, and its start already orders it after its parent.
        return t.startedByJdk ? Locations.CONCURRENT : Locations.NONE;
      default:
        return Locations.NONE;
    }
  }

  /**
   * The key of a class's initialization apart from every object's, so that seeing it leaves the
   * numbers of the objects as they would be without it.
   */
  long ofClass(Class<?> type) {
    return Locations.classInit(number(classNumbers, type));
  }

  /** The number of the object a step or an access between steps acts on; 0 for none. */
  int target(Object o) {
    return o == null ? 0 : number(targetNumbers, o);
  }

  private int objectNumber(Object o) {
    return number(objectNumbers, o);
  }

  private static int number(IdentityTable<Integer> numbers, Object o) {
    Integer known = numbers.get(o);
    if (known != null) return known;
    int number = numbers.size() + 1;
    numbers.put(o, number);
    return number;
  }

  /** The controlled id of a thread about to be started or already known. */
  private int idOf(Object thread) {
    ControlledThread c = execution.find((Thread) thread);
    return c != null ? c.id : execution.threads().length; // START: the id the child is about to get
  }
}
