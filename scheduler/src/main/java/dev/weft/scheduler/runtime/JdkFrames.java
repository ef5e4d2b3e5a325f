package dev.weft.scheduler.runtime;

import dev.weft.scheduler.trace.SiteRegistry;
import java.util.Set;

/**
 * What the calling thread's stack says when it is inside JDK code: which of the program's lines
 * led there, and whether a given JDK method is still running. Walked only for operations inside
 * the JDK, never for the program's own.
 */
final class JdkFrames {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private JdkFrames() {}

  /**
   * The site a step at {@code site} is shown at: for a site inside the JDK, the program's frame that
   * called into it (the line of {@code map.put(..)}, not a line of {@code Collections.java}), which
   * also reads the same on every JDK release; {@code site} itself when it is the program's, or when
   * no frame of the program's is on the stack (a thread the JDK started, such as a timer's). The
   * walk runs as the runtime's own work for {@code ct}, so hooks it may reach pass through.
   */
  static int shown(ControlledThread ct, int site) {
    if (!SiteRegistry.inJdk(site)) return site;
    int program = programSite(ct);
    return program < 0 ? site : program;
  }

  /**
   * The site of the program's innermost frame on the calling thread's stack, registered now; -1
   * when none is there. Walked as {@link #shown} walks it.
   */
  static int programSite(ControlledThread ct) {
    ct.insideHook = true;
    try {
      return WALKER.walk(frames -> frames.filter(f -> !isJdkOrWeft(f.getClassName())).findFirst())
          .map(f -> SiteRegistry.registerOnce(f.getClassName(), f.getMethodName(),
              f.getFileName(), f.getLineNumber(), null))
          .orElse(-1);
    } finally {
      ct.insideHook = false;
    }
  }

  static boolean isJdkOrWeft(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.")
        || className.startsWith("sun.") || className.startsWith("dev.weft.scheduler.");
  }

  /** Whether a frame of {@code className}'s method named one of {@code methods} is running. */
  static boolean inside(String className, Set<String> methods) {
    return WALKER.walk(frames -> frames.anyMatch(
        f -> f.getClassName().equals(className) && methods.contains(f.getMethodName())));
  }
}
