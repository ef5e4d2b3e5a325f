package dev.weft.explorer.api;

/**
 * Renders a throwable as the program's own frames: each stack is cut where Weft's machinery begins
 * (the frames that called the test body), together with the reflection glue just above it.
 */
final class StackTraces {
  private StackTraces() {}

  static String userFrames(Throwable error) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      s.append(t == error ? "" : "Caused by: ").append(t).append('\n');
      StackTraceElement[] frames = t.getStackTrace();
      int end = 0;
      while (end < frames.length && !isWeft(frames[end])) end++;
      while (end > 1 && isPlumbing(frames[end - 1])) end--;
      for (int i = 0; i < end; i++) s.append("    at ").append(frames[i]).append('\n');
    }
    return s.toString();
  }

  private static boolean isWeft(StackTraceElement frame) {
    String c = frame.getClassName();
    return c.startsWith("dev.weft.scheduler.") || c.startsWith("dev.weft.explorer.")
        || c.startsWith("dev.weft.cli.") || c.startsWith("dev.weft.agent.")
        || c.equals("java.lang.Thread") && frame.getMethodName().equals("run");
  }

  private static boolean isPlumbing(StackTraceElement frame) {
    String c = frame.getClassName();
    return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
        || c.startsWith("java.lang.invoke.");
  }
}
