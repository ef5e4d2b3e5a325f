package dev.weft.scheduler.threads;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Virtual threads (JDK 21+) as the runtime, compiled for Java 17, sees them: which threads are
 * virtual, which are the carriers that run them, and on which JDKs Weft controls them.
 */
public final class VirtualThreads {
  /**
   * The first JDK on which a virtual thread blocked inside {@code synchronized} gives its carrier
   * back (JEP 491). Before it, every virtual thread waiting for its turn inside a monitor would
   * hold a carrier, and a few of them could take every carrier and hang the execution.
   */
  public static final int FIRST_CONTROLLED_JDK = 24;

  private static final Class<?> TYPE = virtualThreadClass();
  private static final String REFUSAL = refusal(Runtime.version().feature());

  private VirtualThreads() {}

  /** Whether {@code t} is a virtual thread; never on JDK 17. */
  public static boolean isVirtual(Thread t) {
    return t.getClass() == TYPE;
  }

  /**
   * Whether {@code t} is a carrier of virtual threads, a worker of their scheduler: it runs only
   * the JDK's machinery, and the virtual threads it carries are controlled one by one.
   */
  public static boolean isCarrier(Thread t) {
    return t.getClass().getName().equals("jdk.internal.misc.CarrierThread");
  }

  /** Why this JDK's virtual threads cannot be controlled, or null when they can. */
  public static String refusal() {
    return REFUSAL;
  }

  /** Why virtual threads of JDK {@code feature} cannot be controlled, or null when they can. */
  public static String refusal(int feature) {
    if (feature >= FIRST_CONTROLLED_JDK) return null;
    return "Weft controls virtual threads on JDK " + FIRST_CONTROLLED_JDK + " and later. On JDK "
        + feature + " a virtual thread that waits for its turn inside synchronized keeps its"
        + " carrier thread, so a few of them could take every carrier and hang the exploration."
        + " Run on JDK " + FIRST_CONTROLLED_JDK + "+, or use platform threads in the code under"
        + " test (Thread.ofPlatform(), or an executor of platform threads).";
  }

  /**
   * Runs one virtual thread through a park, from an executor of virtual threads, so that the JDK
   * starts their scheduler, its carriers and its timer outside any execution: their first use
   * draws numbers (pool and thread ids, seeds) that later executions must not see change.
   */
  public static void warmUp() {
    if (TYPE == null) return;
    try {
      ExecutorService executor =
          (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
      executor.submit(() -> LockSupport.parkNanos(1_000_000)).get();
      executor.shutdown();
      executor.awaitTermination(1, TimeUnit.MINUTES);
    } catch (ReflectiveOperationException | ExecutionException e) {
      throw new IllegalStateException("could not start the JDK's virtual-thread scheduler", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Class<?> virtualThreadClass() {
    try {
      return Class.forName("java.lang.VirtualThread", false, null);
    } catch (ClassNotFoundException e) {
      return null; // JDK 17
    }
  }
}
