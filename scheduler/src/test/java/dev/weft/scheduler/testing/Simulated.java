package dev.weft.scheduler.testing;

import dev.weft.scheduler.hooks.MemoryHooks;
import dev.weft.scheduler.hooks.MonitorHooks;
import dev.weft.scheduler.hooks.ThreadHooks;
import dev.weft.scheduler.hooks.WeftHooks;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.strategy.Replay;
import dev.weft.scheduler.strategy.SplitMix64;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Stands in for the agent in the scheduler's unit tests: each method is what rewritten bytecode
 * would do at one kind of site, written by hand. The hook comes before the real operation it guards
 * (and after a real monitor exit), exactly where the agent puts it, and the real operation still
 * runs when the hook lets it.
 *
 * <p>Child threads: without the agent {@code java.lang.Thread} is not instrumented, so {@link
 * #start} builds a thread whose {@code run()} calls the three lifecycle hooks the agent would add to
 * {@code Thread.run}, {@code dispatchUncaughtException} and {@code exit}.
 *
 * <p>Also the tests' exploration helpers: fixed seeds, default settings, the first failure.
 */
public final class Simulated {
  private Simulated() {}

  private static final AtomicInteger LINE = new AtomicInteger(1);

  // One site per kind of operation; tests that care about where register their own with site().
  private static final int START = site("start", null);
  private static final int JOIN = site("join", null);
  private static final int ENTER = site("enter", null);
  private static final int EXIT = site("exit", null);
  private static final int WAIT = site("wait", null);
  private static final int NOTIFY = site("notify", null);
  private static final int YIELD = site("yield", null);
  private static final int SLEEP = site("sleep", null);
  private static final int INTERRUPT = site("interrupt", null);
  private static final int IS_ALIVE = site("isAlive", null);
  private static final int READ = site("read", "Shared.value");
  private static final int WRITE = site("write", "Shared.value");

  /**
   * Replays the decisions of a bug found in {@code program} and asserts it comes back the same
   * way, with the same report: the proof a bug test owes that its schedule reproduces.
   */
  public static void assertReplays(ExecutionConfig config, ExecutionResult found, Task program) {
    ExecutionResult again = Scheduler.execute(config, new Replay(found.choices()), 0, program);
    org.junit.jupiter.api.Assertions.assertEquals(found.outcome(), again.outcome(), again.report());
    org.junit.jupiter.api.Assertions.assertEquals(found.report(), again.report());
  }

  /** Registers a site of an imaginary {@code Program.java}, as the agent would at transform time. */
  public static int site(String method, String detail) {
    return WeftHooks.registerSite(
        "dev/weft/test/Program", method, "Program.java", LINE.getAndIncrement(), detail);
  }

  // ---------------------------------------------------------------- settings and seeds

  /**
   * A hang guard, never a speed limit: executions here take milliseconds, and only one stuck in code
   * Weft does not control ever reaches it, however busy the machine.
   */
  public static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(2);

  /** 10,000 steps, the hang guard, no spurious wakeups, no trace. */
  public static ExecutionConfig config() {
    return new ExecutionConfig(10_000, TIMEOUT_NANOS, false, false);
  }

  /** {@link #config()} with the trace on. */
  public static ExecutionConfig traced() {
    return new ExecutionConfig(10_000, TIMEOUT_NANOS, false, true);
  }

  /** The seed of the {@code i}-th execution of an exploration: fixed, so every test is repeatable. */
  public static long seed(int i) {
    return SplitMix64.mix(0x5EED_0000L + i);
  }

  /**
   * The executions with seeds {@code seed(0)...seed(n-1)}, each run when the iteration reaches it,
   * so that a loop asserting on each stops at the first bad one.
   */
  public static Iterable<ExecutionResult> executions(
      ExecutionConfig config, Strategy strategy, int n, Task program) {
    return () -> IntStream.range(0, n)
        .mapToObj(i -> Scheduler.execute(config, strategy, seed(i), program))
        .iterator();
  }

  /** Asserts that {@code n} executions pass; stops at the first that does not and describes it. */
  public static void assertAllPass(ExecutionConfig config, Strategy strategy, int n, Task program) {
    int i = 0;
    for (ExecutionResult r : executions(config, strategy, n, program)) {
      if (r.outcome() != Outcome.PASSED) {
        throw new AssertionError("execution " + i + " of " + n + " (seed " + seed(i) + ") ended "
            + r.outcome() + ":\n" + r.report(), r.error());
      }
      i++;
    }
  }

  /** The first execution (with seeds {@code seed(0)...}) whose outcome is a bug, or null. */
  public static ExecutionResult firstBug(
      ExecutionConfig config, Strategy strategy, int n, Task program) {
    for (ExecutionResult r : executions(config, strategy, n, program)) {
      if (r.outcome().isBug() || r.outcome() == Outcome.DIVERGED) return r;
    }
    return null;
  }

  /** Whether some event of the trace matches. */
  public static boolean anyEvent(List<TraceEvent> trace, Predicate<TraceEvent> p) {
    return trace.stream().anyMatch(p);
  }

  // ---------------------------------------------------------------- threads

  /**
   * Starts a child thread named {@code name} running {@code body}, as {@code new Thread(...)
   * .start()} would after instrumentation. Daemon, so that a thread Weft cannot end never keeps the
   * test JVM alive.
   */
  public static Thread start(String name, Task body) {
    Thread t = new Thread(() -> runInstrumented(body), name);
    t.setDaemon(true);
    ThreadHooks.beforeStart(t, START);
    t.start();
    ThreadHooks.afterStart(t, START);
    return t;
  }

  /** What {@code Thread.run}, {@code dispatchUncaughtException} and {@code exit} do once rewritten. */
  private static void runInstrumented(Task body) {
    Thread me = Thread.currentThread();
    try {
      ThreadHooks.threadRunEntered();
      body.run();
    } catch (Throwable e) {
      if (!ThreadHooks.uncaughtException(me, e)) {
        me.getUncaughtExceptionHandler().uncaughtException(me, e);
      }
    } finally {
      ThreadHooks.threadExiting(me);
    }
  }

  public static void join(Thread t) throws InterruptedException {
    ThreadHooks.join(t, JOIN);
  }

  public static void join(Thread t, long millis) throws InterruptedException {
    ThreadHooks.join(t, millis, JOIN);
  }

  public static boolean isAlive(Thread t) {
    return ThreadHooks.isAlive(t, IS_ALIVE);
  }

  public static void interrupt(Thread t) {
    ThreadHooks.interrupt(t, INTERRUPT);
  }

  public static boolean isInterrupted(Thread t) {
    return ThreadHooks.isInterrupted(t, INTERRUPT);
  }

  public static void sleep(long millis) throws InterruptedException {
    ThreadHooks.sleep(millis, SLEEP);
  }

  /** {@code Thread.yield()}: a scheduling point that changes nothing else. */
  public static void schedulingPoint() {
    ThreadHooks.yield(YIELD);
  }

  // ---------------------------------------------------------------- monitors

  /**
   * {@code synchronized (lock) { body }} as the agent rewrites it: the enter hook before the real
   * {@code monitorenter}, the exit hook after the real {@code monitorexit} on both the normal and
   * the exceptional path (javac's handler).
   */
  public static void locked(Object lock, Task body) throws Throwable {
    locked(lock, ENTER, body);
  }

  /** {@link #locked(Object, Task)} with the enter at {@code site}, for reports that name it. */
  public static void locked(Object lock, int site, Task body) throws Throwable {
    MonitorHooks.monitorEnter(lock, site);
    try {
      synchronized (lock) {
        body.run();
      }
    } finally {
      MonitorHooks.monitorExit(lock, EXIT);
    }
  }

  /** {@code lock.wait()}. */
  public static void waitOn(Object lock) throws InterruptedException {
    MonitorHooks.waitOn(lock, WAIT);
  }

  /** {@code lock.wait(millis)}. */
  public static void waitOn(Object lock, long millis) throws InterruptedException {
    MonitorHooks.waitOn(lock, millis, WAIT);
  }

  /** {@code lock.notify()}. */
  public static void notifyOne(Object lock) {
    MonitorHooks.notifyOne(lock, NOTIFY);
  }

  /** {@code lock.notifyAll()}. */
  public static void notifyAllWaiters(Object lock) {
    MonitorHooks.notifyAll(lock, NOTIFY);
  }

  // ---------------------------------------------------------------- volatile fields

  /** Before a read of the volatile field {@code Shared.value} of {@code owner}. */
  public static void read(Object owner) {
    MemoryHooks.volatileRead(owner, READ);
  }

  /** Before a write of the volatile field {@code Shared.value} of {@code owner}. */
  public static void write(Object owner) {
    MemoryHooks.volatileWrite(owner, WRITE);
  }
}
