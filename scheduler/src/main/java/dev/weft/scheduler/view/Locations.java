package dev.weft.scheduler.view;

/**
 * Keys for what an operation touches, so that strategies can tell which operations depend on each
 * other without seeing the program's objects. Keys are stable within an execution and, because
 * objects are numbered in the order the execution first touches them, across executions that share
 * a prefix.
 *
 * <pre>
 *   object namespace:  01 | object number (40 bits) | field number (20 bits, 0 = the monitor)
 *   thread namespace:  10 | thread id                 | 1 = lifecycle, 2 = interrupt status
 *                      10 | 0                         | 3 = java.util.concurrent, as one location
 *                      10 | 0                         | 0 = sockets, as one location
 *   class namespace:   11 | class number              | the class's initialization
 * </pre>
 */
public final class Locations {
  /** The key of an operation that touches nothing shared (yield, sleep's pause, a start of life). */
  public static final long NONE = -1;

  private static final long OBJECT_SPACE = 1L << 62;
  private static final long THREAD_SPACE = 2L << 62;
  private static final long CLASS_SPACE = 3L << 62;
  private static final int FIELD_BITS = 20;

  /**
   * Everything {@code java.util.concurrent} holds: locks, queues, executors, atomics, and the
   * permits of park. Its code runs between scheduling points without reporting what it touches, so
   * every call into it, park and unpark counts as touching all of it. Sound, at the price of
   * ordering independent calls (two different locks) as if they depended on each other.
   */
  public static final long CONCURRENT = THREAD_SPACE | 3;

  /**
   * Every socket: what one thread writes or closes another reads, through the kernel, whatever
   * descriptors the two hold. Sound, at the price of ordering calls on unrelated connections.
   */
  public static final long SOCKETS = THREAD_SPACE;

  private Locations() {}

  /** The monitor of object number {@code object}. */
  public static long monitor(int object) {
    return OBJECT_SPACE | ((long) object << FIELD_BITS);
  }

  /**
   * Field number {@code field} (at least 1, from {@link
   * dev.weft.scheduler.trace.SiteRegistry#detailNumber}) of object number {@code object} (0 for a
   * static field).
   */
  public static long field(int object, int field) {
    return OBJECT_SPACE | ((long) object << FIELD_BITS) | (field & ((1 << FIELD_BITS) - 1));
  }

  /** Whether the thread started, ended, and is alive: start writes it, join and isAlive read it. */
  public static long lifecycle(int thread) {
    return THREAD_SPACE | ((long) thread << 2) | 1;
  }

  /** The interrupt status of thread {@code thread}. */
  public static long interruptStatus(int thread) {
    return THREAD_SPACE | ((long) thread << 2) | 2;
  }

  /** The initialization of class number {@code type}, numbered apart from objects. */
  public static long classInit(int type) {
    return CLASS_SPACE | type;
  }

  public static boolean isMonitor(long location) {
    return location != NONE && (location & THREAD_SPACE) == 0
        && (location & ((1L << FIELD_BITS) - 1)) == 0;
  }

}
