package dev.weft.scheduler.runtime;

import java.lang.StackWalker.StackFrame;
import java.util.concurrent.locks.LockSupport;

/**
 * Who called the JDK method whose hook is running: the first frame of the stack outside Weft's
 * runtime, the JDK's thread classes and {@code LockSupport} (the classes that carry the hooks). Walked only
 * where it is rare or cheap enough: a park while a spurious wakeup is still to be had, and a trace.
 */
final class Callers {
  private static final StackWalker STACK =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  private Callers() {}

  /** The calling frame, or null when the stack holds nothing but hooks. */
  private static StackFrame caller() {
    return STACK.walk(frames -> frames.filter(f -> !isHookClass(f.getDeclaringClass()))
        .findFirst().orElse(null));
  }

  private static boolean isHookClass(Class<?> c) {
    boolean jdkThread = Thread.class.isAssignableFrom(c) && c.getClassLoader() == null;
    return c.getName().startsWith("dev.weft.scheduler.") || jdkThread || c == LockSupport.class;
  }

  /**
   * Whether the caller is JDK code, which the bootstrap or platform class loader defined (the
   * program's classes, and libraries on its class path, come from other loaders).
   */
  static boolean isJdk() {
    StackFrame f = caller();
    if (f == null) return true;
    ClassLoader loader = f.getDeclaringClass().getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }

  /** The caller as {@code SimpleClass.method}, e.g. {@code AbstractQueuedSynchronizer.acquire}. */
  static String name() {
    StackFrame f = caller();
    return f == null ? "?" : f.getDeclaringClass().getSimpleName() + "." + f.getMethodName();
  }
}
