package dev.weft.scheduler.runtime;

/**
 * The JDK's built-in class loaders at work on a controlled thread: finding, defining and reading
 * the classes and resources of the JDK's modules and of the class path. It is never the program's
 * step. It runs in whichever execution first needs a class or resource in the JVM, and what the
 * loaders lock on the way (the JDK's table of URL handlers, say, when a locale data provider is
 * defined during a program's first {@code String.format} with a {@code Locale}) would otherwise
 * enter that execution alone, so that a schedule found after it would not replay alike in a fresh
 * JVM. So the calling thread passes through the hooks from the loaders' outermost call to its end,
 * as it does while Weft's own code runs for it.
 *
 * <pre>
 *   entered:  jdkLoading 0, insideHook false  ->  jdkLoading 1, insideHook true (owned here)
 *             jdkLoading > 0                  ->  jdkLoading + 1
 *             insideHook already set           ->  nothing (Weft's code owns it)
 *   exited:   jdkLoading 1  ->  0, insideHook false;   > 1  ->  - 1;   0  ->  nothing
 * </pre>
 */
public final class JdkLoading {
  private JdkLoading() {}

  /** On entry of a method of the built-in loaders. */
  public static void entered(Execution execution) {
    ControlledThread ct = execution.find(Thread.currentThread());
    if (ct == null) return;
    if (ct.jdkLoading > 0) {
      ct.jdkLoading++;
    } else if (!ct.insideHook) {
      ct.insideHook = true;
      ct.jdkLoading = 1;
    }
  }

  /** Before each return of such a method, and before it throws. Never throws. */
  public static void exited(Execution execution) {
    ControlledThread ct = execution.find(Thread.currentThread());
    if (ct == null || ct.jdkLoading == 0) return;
    if (--ct.jdkLoading == 0) ct.insideHook = false;
  }
}
