package dev.weft.samples.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.concurrent.locks.LockSupport;

/**
 * Breaks Weft's model through reflection (it empties the execution's fingerprint table, which every
 * step adds to) right before the hook its argument names: {@code threadExiting} (a thread ends) or
 * {@code unpark} (through a method handle, so that the call is no scheduling point of its own). The model
 * then fails inside the hook, which is Weft's failure, not the program's bug.
 */
public final class BreaksWeftsModelBeforeAHook {
  private BreaksWeftsModelBeforeAHook() {}

  public static void main(String[] args) throws Throwable {
    switch (args[0]) {
      case "threadExiting" -> {
        Thread child = new Thread(BreaksWeftsModelBeforeAHook::breakFingerprint);
        child.start();
        child.join();
      }
      case "unpark" -> {
        MethodHandle unpark = MethodHandles.lookup().findStatic(LockSupport.class, "unpark",
            MethodType.methodType(void.class, Thread.class));
        Thread me = Thread.currentThread();
        breakFingerprint();
        unpark.invokeExact(me);
      }
      default -> throw new IllegalArgumentException("no such hook: " + args[0]);
    }
  }

  private static void breakFingerprint() {
    try {
      Object execution = Class.forName("dev.weft.scheduler.runtime.Execution")
          .getMethod("active").invoke(null);
      Field fingerprint = execution.getClass().getDeclaredField("fingerprint");
      fingerprint.setAccessible(true);
      Object table = fingerprint.get(execution);
      Field keys = table.getClass().getDeclaredField("keys");
      keys.setAccessible(true);
      keys.set(table, new long[0]);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
