package dev.weft.scheduler.runtime;

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
  END("end");

  private final String verb;

  Operation(String verb) {
    this.verb = verb;
  }

  /** The short word a trace shows, e.g. {@code enter} or {@code write}. */
  public String verb() {
    return verb;
  }
}
