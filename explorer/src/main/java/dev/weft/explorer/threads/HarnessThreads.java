package dev.weft.explorer.threads;

import dev.weft.scheduler.hooks.DeterminismHooks;
import dev.weft.scheduler.hooks.ThreadHooks;
import dev.weft.scheduler.hooks.WeftHooks;
import dev.weft.scheduler.runtime.Execution;

/**
 * Starts and joins the threads that Weft's own harnesses (linearizability scenarios, scenario
 * scripts) run a user's code on. Weft's own classes are never instrumented, so the calls the agent
 * would have rewritten in a program are made here by hand: a start the scheduler sees as the
 * program's (not as the JDK's), and a join it models. Outside an exploration the hooks do nothing
 * more than the plain calls. Internal.
 */
public final class HarnessThreads {
  private final int startSite;
  private final int joinSite;
  private final int interruptSite;
  private final int interruptedSite;

  /** @param owner the harness class, as the trace names where its threads start and end */
  public HarnessThreads(String owner) {
    String internal = owner.replace('.', '/');
    String simple = owner.substring(owner.lastIndexOf('.') + 1);
    this.startSite = WeftHooks.registerSite(internal, "start", simple, -1, null);
    this.joinSite = WeftHooks.registerSite(internal, "join", simple, -1, null);
    this.interruptSite = WeftHooks.registerSite(internal, "interrupt", simple, -1, null);
    this.interruptedSite = WeftHooks.registerSite(internal, "interrupted", simple, -1, null);
  }

  public void start(Thread t) {
    ThreadHooks.beforeStart(t, startSite);
    t.start();
    ThreadHooks.afterStart(t, startSite);
  }

  public void join(Thread t) throws InterruptedException {
    ThreadHooks.join(t, joinSite);
  }

  public void interrupt(Thread t) {
    ThreadHooks.interrupt(t, interruptSite);
  }

  /** {@link Thread#interrupted}: reads and clears the calling thread's interrupt status. */
  public boolean interrupted() {
    return ThreadHooks.interrupted(interruptedSite);
  }

  /**
   * The scheduling points the calling thread's execution has passed; -1 outside an execution. Under
   * a fixed schedule the same on every run, as the trace's step numbers are.
   */
  public static int step() {
    Execution e = Execution.active();
    return e == null ? -1 : e.probe().readStep();
  }

  /** {@link System#nanoTime}, virtual inside an execution, as a program's reading would be. */
  public static long nanoTime() {
    return DeterminismHooks.nanoTime();
  }
}
