package dev.weft.scheduler.view;

/** The visible operations a controlled thread performs; each is one step of an execution. */
public enum Operation {
  MONITOR_ENTER("enter"),
  MONITOR_EXIT("exit"),
  WAIT("wait"),
  WAKE("wake"),
  NOTIFY("notify"),
  NOTIFY_ALL("notifyAll"),
  START("start"),
  JOIN("join"),
  YIELD("yield"),
  SLEEP("sleep"),
  INTERRUPT("interrupt"),
  IS_INTERRUPTED("isInterrupted"),
  IS_ALIVE("isAlive"),
  VOLATILE_READ("read"),
  VOLATILE_WRITE("write"),
  /** {@code LockSupport.park}: blocks until a permit, an interrupt or (if timed) a timeout. */
  PARK("park"),
  /** {@code LockSupport.unpark}: gives a thread its permit. */
  UNPARK("unpark"),
  /**
   * A call into {@code java.util.concurrent} that may change state (lock, put, incrementAndGet):
   * one scheduling point for the whole call, whose own blocking goes through {@link #PARK}.
   */
  CALL("call"),
  /** A call into {@code java.util.concurrent} that only reads (get, isLocked, peek, size). */
  CALL_READ("call"),
  /**
   * The first step of a thread that JDK code started (an executor's worker): it runs JDK code
   * before any operation of the program's, so it is not run ahead with its start.
   */
  BEGIN("begin"),
  END("end"),
  /**
   * A plain (non-volatile) read of a field or array element: shown in a trace as an access that
   * completes a data race, and a scheduling point only where systematic search found the site
   * racing ({@link dev.weft.scheduler.race.RacingSites}).
   */
  PLAIN_READ("read"),
  /** A plain write; likewise. */
  PLAIN_WRITE("write"),
  /**
   * {@code Thread.onSpinWait()}: touches nothing, and says the thread waits for another, so it gives
   * way ({@code SpinDetector}).
   */
  SPIN_WAIT("onSpinWait"),
  /**
   * A call on a socket (read, write, connect, accept) that the JDK makes for a controlled thread:
   * it never blocks, because Weft makes the socket non-blocking first.
   */
  SOCKET("socket"),
  /**
   * The JDK's wait until a socket (or a selector) is ready: blocks until the kernel says so, or
   * until its timeout fires ({@link Sockets}).
   */
  SOCKET_WAIT("await"),
  /**
   * The start of a class's static initializer, or a use of a class whose initializer another thread
   * ran or is running in this execution: the JVM's class-initialization lock (JVMS 5.5). A
   * scheduling point only where the thread must wait for that initializer to end.
   */
  CLASS_INIT("initialize"),
  /** The end of a class's static initializer, normal or not: the threads waiting for it go on. */
  CLASS_INITIALIZED("initialized"),
  /**
   * JDK code cleared a thread's interrupt status ({@code Thread.interrupted()} in a lock's acquire,
   * which restores it once the lock is taken): not a scheduling point, shown so that a reader sees
   * why another thread's {@code isInterrupted()} read false meanwhile.
   */
  CLEAR_INTERRUPT("clearInterrupt"),
  /**
   * {@code Thread.getState()} of a controlled thread: answered from the model (blocked on a monitor,
   * waiting, parked, ended), a read of the thread's state that a loop may poll.
   */
  GET_STATE("getState");

  private final String verb;

  Operation(String verb) {
    this.verb = verb;
  }

  /** Whether this is a call into {@code java.util.concurrent}, whose site names the method. */
  public boolean isCall() {
    return this == CALL || this == CALL_READ;
  }

  /** Whether this is a plain read or write of a field or array element. */
  public boolean isPlain() {
    return this == PLAIN_READ || this == PLAIN_WRITE;
  }

  /** The short word a trace shows, e.g. {@code enter} or {@code write}. */
  public String verb() {
    return verb;
  }
}
