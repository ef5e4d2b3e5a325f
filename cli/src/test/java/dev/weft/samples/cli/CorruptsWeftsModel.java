package dev.weft.samples.cli;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Corrupts Weft's model of a monitor through reflection (a waiter that is no thread), then
 * notifies: the model fails inside the hook, which is Weft's failure, not the program's bug.
 */
public final class CorruptsWeftsModel {
  private CorruptsWeftsModel() {}

  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws ReflectiveOperationException {
    Object lock = new Object();
    synchronized (lock) {
      Class<?> execution = Class.forName("dev.weft.scheduler.runtime.Execution");
      Object monitors = execution.getMethod("monitors")
          .invoke(execution.getMethod("active").invoke(null));
      Object models = accessible(monitors.getClass(), "models").invoke(monitors);
      Object model = accessible(models.getClass(), "get", Object.class).invoke(models, lock);
      ((List<Integer>) model.getClass().getMethod("waitSet").invoke(model)).add(99);
      lock.notify();
    }
  }

  private static Method accessible(Class<?> type, String name, Class<?>... parameters)
      throws NoSuchMethodException {
    Method m = type.getDeclaredMethod(name, parameters);
    m.setAccessible(true);
    return m;
  }
}
