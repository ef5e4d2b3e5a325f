package dev.weft.scheduler.runtime;

/**
 * A call on a socket that the JDK makes on a controlled thread's behalf, and a scheduling point:
 * the agent passes its ordinal from the JDK's socket classes ({@code sun.nio.ch}).
 */
public enum SocketCall {
  READ("read", false),
  WRITE("write", true),
  CONNECT("connect", true),
  ACCEPT("accept", false);

  private static final SocketCall[] ALL = values();

  private final String word;
  private final boolean delivers;

  SocketCall(String word, boolean delivers) {
    this.word = word;
    this.delivers = delivers;
  }

  /**
   * Whether the call sends something to a peer (data, a connection request), so that a thread
   * waiting on the other end may become ready once the kernel has delivered it.
   */
  boolean delivers() {
    return delivers;
  }

  /** The call an ordinal the agent compiled in names. */
  public static SocketCall of(int ordinal) {
    return ALL[ordinal];
  }

  /** The word a trace shows, e.g. {@code read}. */
  String word() {
    return word;
  }
}
