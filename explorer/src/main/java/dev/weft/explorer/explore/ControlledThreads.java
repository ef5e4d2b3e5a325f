package dev.weft.explorer.explore;

import dev.weft.scheduler.hooks.WeftHooks;

/**
 * Starts and joins threads that Weft's own code starts inside an execution (a linearizability
 * scenario's, a concurrent property's), through Weft's hooks. Weft's own classes are never
 * instrumented, so the calls the agent would have rewritten in a program are made here by hand: a
 * start the scheduler sees as the program's (not as the JDK's), and a join it models.
 */
public final class ControlledThreads {
  // Sites of the two calls, registered once per user, as the agent registers a program's, so a
  // trace names who started the thread.
  private final int start;
  private final int join;

  /**
   * @param internalClassName the class the trace names, slashed ({@code dev/weft/explorer/x/Y})
   * @param fileName the short name the trace shows for it
   */
  public ControlledThreads(String internalClassName, String fileName) {
    start = WeftHooks.registerSite(internalClassName, "start", fileName, -1, null);
    join = WeftHooks.registerSite(internalClassName, "join", fileName, -1, null);
  }

  /** Starts {@code t} as a controlled thread; call only from a controlled thread. */
  public void start(Thread t) {
    WeftHooks.beforeStart(t, start);
    t.start();
    WeftHooks.afterStart(t, start);
  }

  /** Joins {@code t} as the scheduler models it. */
  public void join(Thread t) throws InterruptedException {
    WeftHooks.join(t, join);
  }
}
