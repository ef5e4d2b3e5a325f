package dev.weft.scheduler.strategy.dfs;

import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.Operation;

/**
 * How an operation touches its location, and which pairs of touches matter.
 *
 * <p>Two events of different threads on the same location are <em>dependent</em> (ordered by
 * happens-before, and never in one another's sleep set) unless both only read. Only some dependent
 * pairs are <em>races</em> that systematic search tries to reverse: a volatile write against a read
 * or write, two monitor acquisitions, a thread's end against isAlive or join. The other dependent
 * pairs (a monitor release then an acquisition, a start then the child's first step) order events
 * but cannot be reversed: the later one is disabled until the earlier one happens.
 */
enum Access {
  READ,
  WRITE,
  /** Taking a monitor: racing with other acquisitions of it. */
  ACQUIRE,
  /** Releasing or signalling: an ordering edge only (monitor exit, wait, notify, start). */
  SYNC;

  /** The access an operation makes to the location the runtime reports for it; null for none. */
  static Access of(Operation op) {
    if (op == null) return null;
    return switch (op) {
      case MONITOR_ENTER, WAKE -> ACQUIRE;
      case MONITOR_EXIT, WAIT, NOTIFY, NOTIFY_ALL, START, CLASS_INITIALIZED -> SYNC;
      case VOLATILE_READ, PLAIN_READ, JOIN, IS_ALIVE, IS_INTERRUPTED, CALL_READ, GET_STATE -> READ;
      case VOLATILE_WRITE, PLAIN_WRITE, INTERRUPT, CLEAR_INTERRUPT, END, PARK, UNPARK, CALL, BEGIN,
          SOCKET, SOCKET_WAIT -> WRITE;
      // Starting an initializer, and a thread's first use of a class another thread initialized,
      // take the class's initialization lock: the order decides which thread runs the initializer,
      // and the end of the initializer releases it (CLASS_INITIALIZED), as a monitor exit does.
      case CLASS_INIT -> ACQUIRE;
      case YIELD, SLEEP, SPIN_WAIT -> null;
    };
  }

  /** Whether touches {@code a} then {@code b} of one location by two threads are ordered. */
  static boolean dependent(Access a, Access b) {
    return a != READ || b != READ;
  }

  /** Whether they form a race worth reversing. */
  static boolean races(Access a, Access b) {
    if (a == ACQUIRE || b == ACQUIRE) return a == b;
    return a != SYNC && b != SYNC && dependent(a, b);
  }

  /** Whether an operation is independent of everything (touches nothing shared). */
  static boolean touchesNothing(Operation op, long location) {
    return location == Locations.NONE || of(op) == null;
  }
}
