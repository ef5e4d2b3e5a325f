package dev.weft.scheduler.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.Execution;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** With no exploration running, every hook is the original operation. */
class WeftHooksTest {
  private static final int SITE = WeftHooks.registerSite("T", "m", "T.java", 1, "T.f");

  @Test
  void noExecutionIsActiveBetweenTests() {
    assertNull(Execution.active());
  }

  @Test
  void monitorAndVolatileHooksDoNothing() {
    Object lock = new Object();
    MonitorHooks.monitorEnter(lock, SITE);
    synchronized (lock) {
      MemoryHooks.volatileRead(lock, SITE);
      MemoryHooks.volatileWrite(null, SITE);
    }
    MonitorHooks.monitorExit(lock, SITE);
    ThreadHooks.yield(SITE);
  }

  @Test
  void waitAndNotifyAreTheRealOnes() throws InterruptedException {
    Object lock = new Object();
    boolean[] notified = {false};
    Thread notifier = new Thread(() -> {
      synchronized (lock) { // reachable only if the hooked wait really releases the monitor
        notified[0] = true;
        MonitorHooks.notifyAll(lock, SITE);
      }
    });
    long hangGuard = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // never a speed limit
    synchronized (lock) {
      notifier.start();
      while (!notified[0] && System.nanoTime() < hangGuard) MonitorHooks.waitOn(lock, 10, SITE);
      assertTrue(notified[0], "hang guard: after 2 minutes of waits, the notifier never got the"
          + " monitor, so the hooked wait does not release it");
      MonitorHooks.waitOn(lock, 0, 500_000, SITE);
      MonitorHooks.notifyOne(lock, SITE);
    }
    notifier.join();
    assertThrows(IllegalMonitorStateException.class, () -> MonitorHooks.notifyOne(lock, SITE));
    assertThrows(IllegalMonitorStateException.class, () -> MonitorHooks.waitOn(lock, SITE));
  }

  @Test
  void invalidTimeoutsAreRejectedLikeTheJdkDoes() {
    Object lock = new Object();
    Thread t = Thread.currentThread();
    assertThrows(IllegalArgumentException.class, () -> MonitorHooks.waitOn(lock, -1, SITE));
    assertThrows(IllegalArgumentException.class, () -> MonitorHooks.waitOn(lock, 0, 1_000_000, SITE));
    assertThrows(IllegalArgumentException.class, () -> ThreadHooks.join(t, -1, SITE));
    assertThrows(IllegalArgumentException.class, () -> ThreadHooks.join(t, 0, -1, SITE));
    assertThrows(IllegalArgumentException.class, () -> ThreadHooks.sleep(-1, SITE));
    assertThrows(IllegalArgumentException.class, () -> ThreadHooks.sleep(0, 1_000_000, SITE));
  }

  @Test
  void threadHooksAreTheRealOnes() throws InterruptedException {
    AtomicBoolean ran = new AtomicBoolean();
    Thread t = new Thread(() -> ran.set(true));
    ThreadHooks.beforeStart(t, SITE);
    t.start();
    ThreadHooks.afterStart(t, SITE);
    ThreadHooks.join(t, SITE);
    assertTrue(ran.get());
    assertFalse(ThreadHooks.isAlive(t, SITE));
    assertTrue(ThreadHooks.join(t, Duration.ofMillis(1), SITE));

    ThreadHooks.sleep(1, SITE);
    ThreadHooks.sleep(Duration.ofNanos(1000), SITE);
    ThreadHooks.interrupt(Thread.currentThread(), SITE);
    assertTrue(ThreadHooks.isInterrupted(Thread.currentThread(), SITE));
    assertTrue(ThreadHooks.interrupted(SITE), "reads the real flag");
    assertFalse(Thread.currentThread().isInterrupted(), "and clears it");
  }

  @Test
  void uncaughtExceptionIsLeftToTheJdk() {
    assertFalse(ThreadHooks.uncaughtException(Thread.currentThread(), new RuntimeException()));
    ThreadHooks.threadRunEntered();
    ThreadHooks.threadExiting(Thread.currentThread());
  }

  @Test
  void registerSiteReturnsTheIndexOfTheSite() {
    int a = WeftHooks.registerSite("x/Y", "m", "Y.java", 3, null);
    int b = WeftHooks.registerSite("x/Y", "m", "Y.java", 4, null);
    assertEquals(a + 1, b);
  }

  @Test
  void badTimeoutsAreRefusedAsTheJdkRefusesThem() {
    Object lock = new Object();
    Thread t = new Thread(() -> { });
    // The milliseconds are checked before the nanoseconds, as the JDK does.
    assertEquals("timeout value is negative", assertThrows(IllegalArgumentException.class,
        () -> MonitorHooks.waitOn(lock, -1, 5_000_000, SITE)).getMessage());
    assertEquals("nanosecond timeout value out of range", assertThrows(
        IllegalArgumentException.class, () -> MonitorHooks.waitOn(lock, 0, 1_000_000, SITE))
        .getMessage());
    assertEquals("timeout value is negative", assertThrows(IllegalArgumentException.class,
        () -> ThreadHooks.join(t, -1, SITE)).getMessage());
    assertEquals("nanosecond timeout value out of range", assertThrows(
        IllegalArgumentException.class, () -> ThreadHooks.join(t, 0, -1, SITE)).getMessage());
    assertEquals("timeout value is negative", assertThrows(IllegalArgumentException.class,
        () -> ThreadHooks.sleep(-1, SITE)).getMessage());
    assertEquals("nanosecond timeout value out of range", assertThrows(
        IllegalArgumentException.class, () -> ThreadHooks.sleep(0, 1_000_000, SITE))
        .getMessage());
  }
}
