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
    WeftHooks.monitorEnter(lock, SITE);
    synchronized (lock) {
      WeftHooks.volatileRead(lock, SITE);
      WeftHooks.volatileWrite(null, SITE);
    }
    WeftHooks.monitorExit(lock, SITE);
    WeftHooks.yield(SITE);
  }

  @Test
  void waitAndNotifyAreTheRealOnes() throws InterruptedException {
    Object lock = new Object();
    boolean[] notified = {false};
    Thread notifier = new Thread(() -> {
      synchronized (lock) { // reachable only if the hooked wait really releases the monitor
        notified[0] = true;
        WeftHooks.notifyAll(lock, SITE);
      }
    });
    long hangGuard = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // never a speed limit
    synchronized (lock) {
      notifier.start();
      while (!notified[0] && System.nanoTime() < hangGuard) WeftHooks.waitOn(lock, 10, SITE);
      assertTrue(notified[0], "hang guard: after 2 minutes of waits, the notifier never got the"
          + " monitor, so the hooked wait does not release it");
      WeftHooks.waitOn(lock, 0, 500_000, SITE);
      WeftHooks.notifyOne(lock, SITE);
    }
    notifier.join();
    assertThrows(IllegalMonitorStateException.class, () -> WeftHooks.notifyOne(lock, SITE));
    assertThrows(IllegalMonitorStateException.class, () -> WeftHooks.waitOn(lock, SITE));
  }

  @Test
  void invalidTimeoutsAreRejectedLikeTheJdkDoes() {
    Object lock = new Object();
    Thread t = Thread.currentThread();
    assertThrows(IllegalArgumentException.class, () -> WeftHooks.waitOn(lock, -1, SITE));
    assertThrows(IllegalArgumentException.class, () -> WeftHooks.waitOn(lock, 0, 1_000_000, SITE));
    assertThrows(IllegalArgumentException.class, () -> WeftHooks.join(t, -1, SITE));
    assertThrows(IllegalArgumentException.class, () -> WeftHooks.join(t, 0, -1, SITE));
    assertThrows(IllegalArgumentException.class, () -> WeftHooks.sleep(-1, SITE));
    assertThrows(IllegalArgumentException.class, () -> WeftHooks.sleep(0, 1_000_000, SITE));
  }

  @Test
  void threadHooksAreTheRealOnes() throws InterruptedException {
    AtomicBoolean ran = new AtomicBoolean();
    Thread t = new Thread(() -> ran.set(true));
    WeftHooks.beforeStart(t, SITE);
    t.start();
    WeftHooks.afterStart(t, SITE);
    WeftHooks.join(t, SITE);
    assertTrue(ran.get());
    assertFalse(WeftHooks.isAlive(t, SITE));
    assertTrue(WeftHooks.join(t, Duration.ofMillis(1), SITE));

    WeftHooks.sleep(1, SITE);
    WeftHooks.sleep(Duration.ofNanos(1000), SITE);
    WeftHooks.interrupt(Thread.currentThread(), SITE);
    assertTrue(WeftHooks.isInterrupted(Thread.currentThread(), SITE));
    assertTrue(WeftHooks.interrupted(SITE), "reads the real flag");
    assertFalse(Thread.currentThread().isInterrupted(), "and clears it");
  }

  @Test
  void uncaughtExceptionIsLeftToTheJdk() {
    assertFalse(WeftHooks.uncaughtException(Thread.currentThread(), new RuntimeException()));
    WeftHooks.threadRunEntered();
    WeftHooks.threadExiting(Thread.currentThread());
  }

  @Test
  void registerSiteReturnsTheIndexOfTheSite() {
    int a = WeftHooks.registerSite("x/Y", "m", "Y.java", 3, null);
    int b = WeftHooks.registerSite("x/Y", "m", "Y.java", 4, null);
    assertEquals(a + 1, b);
  }
}
