package dev.weft.explorer.linearizability;

import dev.weft.scheduler.hooks.WeftHooks;

/**
 * Starts and joins a scenario's threads through Weft's hooks. Weft's own classes are never
 * instrumented, so the calls the agent would have rewritten in a program are made here by hand: a
 * start the scheduler sees as the program's (not as the JDK's), and a join it models.
 */
final class ScenarioThreads {
  // Sites of these two calls, registered once, as the agent registers a program's.
  private static final int START = site("start");
  private static final int JOIN = site("join");

  private ScenarioThreads() {}

  private static int site(String method) {
    return WeftHooks.registerSite("dev/weft/explorer/linearizability/Scenario", method,
        "Scenario", -1, null);
  }

  static void start(Thread t) {
    WeftHooks.beforeStart(t, START);
    t.start();
    WeftHooks.afterStart(t, START);
  }

  static void join(Thread t) throws InterruptedException {
    WeftHooks.join(t, JOIN);
  }
}
