package dev.weft.samples.agent;

import dev.weft.scheduler.trace.SiteRegistry;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run by AgentJarIT under {@code -javaagent}: the agent is really there, and the samples behave
 * exactly as without it (no exploration runs, so every hook passes through).
 */
public final class AgentSmoke {
  private AgentSmoke() {}

  public static void main(String[] args) throws Exception {
    check("installed", "true".equals(System.getProperty("weft.agent.installed")));
    check(
        "hooks on the bootstrap class path",
        Class.forName("dev.weft.scheduler.hooks.WeftHooks").getClassLoader() == null);
    check("synchronized methods rewritten", !isSynchronized(SyncCounter.class, "increment"));
    check("sites registered", SiteRegistry.get(0) != null);
    check(
        "monitors exclude",
        Arrays.equals(
            SyncCounter.concurrentIncrements(4, 10_000), new int[] {40_000, 40_000, 40_000}));
    check("return paths", Arrays.equals(SyncCounter.returnPaths(), new long[] {-1, 0, 6, 2, 0}));
    check(
        "failures release",
        Arrays.equals(SyncCounter.failuresRelease(), new boolean[] {true, true, true}));
    check("wait and notify", WaitNotifySample.handOff(false) == 42);
    check("timed waits", WaitNotifySample.timedWaits() && WaitNotifySample.withoutMonitor() == 2);
    check("start and join", Arrays.equals(ThreadSample.startJoin(), new int[] {7, 1}));
    check("thread queries", ThreadSample.joinsAndQueries() && ThreadSample.interruptFlag());
    check("sleep and yield", ThreadSample.sleepAndYield());
    check("volatile", VolatileSample.handOff() == 42);
    // Thread.dispatchUncaughtException is rewritten: the handler must still be reached.
    AtomicReference<Throwable> seen = new AtomicReference<>();
    Thread failing =
        new Thread(
            () -> {
              throw new IllegalStateException("expected");
            });
    failing.setUncaughtExceptionHandler((t, e) -> seen.set(e));
    failing.start();
    failing.join();
    check("uncaught exception handler", seen.get() instanceof IllegalStateException);
    System.out.println("AGENT SMOKE OK");
  }

  static boolean isSynchronized(Class<?> c, String method) throws NoSuchMethodException {
    return Modifier.isSynchronized(c.getMethod(method).getModifiers());
  }

  static void check(String what, boolean ok) {
    if (!ok) {
      System.out.println("FAILED: " + what);
      System.exit(1);
    }
  }
}
