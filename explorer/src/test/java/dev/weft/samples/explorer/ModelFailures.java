package dev.weft.samples.explorer;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Programs whose hooks fail: once in Weft's model (a state the program corrupts on purpose, which no
 * real program can reach), and twice in the program (operations the JDK refuses, whose exceptions
 * the hooks must pass on as the program's).
 */
public final class ModelFailures {
  private ModelFailures() {}

  /** Never assigned: the monitor {@link #lockOnNull} enters. */
  private static Object missing;

  /**
   * Names a waiter that is no thread in Weft's model of a monitor, through reflection, then
   * notifies: the model's notify finds no such thread. That is Weft's failure, never the program's.
   */
  public static void corruptedWaitSet() throws ReflectiveOperationException {
    Object lock = new Object();
    Thread other = new Thread(() -> { });
    other.start();
    synchronized (lock) {
      waitSet(lock).add(99);
      lock.notify();
    }
  }

  /** The wait set of Weft's model of {@code lock}'s monitor, which the calling thread holds. */
  @SuppressWarnings("unchecked")
  private static List<Integer> waitSet(Object lock) throws ReflectiveOperationException {
    Class<?> execution = Class.forName("dev.weft.scheduler.runtime.Execution");
    Object monitors = execution.getMethod("monitors")
        .invoke(execution.getMethod("active").invoke(null));
    Object models = accessible(monitors.getClass(), "models").invoke(monitors);
    Object model = accessible(models.getClass(), "get", Object.class).invoke(models, lock);
    return (List<Integer>) model.getClass().getMethod("waitSet").invoke(model);
  }

  private static Method accessible(Class<?> type, String name, Class<?>... parameters)
      throws NoSuchMethodException {
    Method m = type.getDeclaredMethod(name, parameters);
    m.setAccessible(true);
    return m;
  }

  /** A second thread runs while the first enters the monitor of null, which the JVM refuses. */
  public static void lockOnNull() throws InterruptedException {
    Thread other = new Thread(() -> Thread.yield());
    other.start();
    synchronized (missing) {
      Thread.yield();
    }
    other.join();
  }

  /** Waits on a monitor the thread does not hold, which the JVM refuses. */
  public static void waitWithoutTheMonitor() throws InterruptedException {
    Object lock = new Object();
    Thread other = new Thread(() -> {
      synchronized (lock) {
        lock.notifyAll();
      }
    });
    other.start();
    lock.wait(); // the program's mistake: the monitor is not held
    other.join();
  }
}
