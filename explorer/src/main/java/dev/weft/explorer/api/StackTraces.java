package dev.weft.explorer.api;

/** Renders a throwable without the frames of Weft's own machinery. */
final class StackTraces {
  private StackTraces() {}

  static String userFrames(Throwable error) {
    StringBuilder s = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      s.append(t == error ? "" : "Caused by: ").append(t).append('\n');
      for (StackTraceElement frame : t.getStackTrace()) {
        String c = frame.getClassName();
        if (c.startsWith("dev.weft.scheduler.") || c.startsWith("dev.weft.explorer.")) continue;
        if (c.equals("java.lang.Thread") && frame.getMethodName().equals("run")) continue;
        s.append("    at ").append(frame).append('\n');
      }
    }
    return s.toString();
  }
}
