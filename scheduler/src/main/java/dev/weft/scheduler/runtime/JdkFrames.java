package dev.weft.scheduler.runtime;

import java.util.Set;

/** What the calling thread's stack says when it is inside JDK code. */
final class JdkFrames {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private JdkFrames() {}

  /** Whether a frame of {@code className}'s method named one of {@code methods} is running. */
  static boolean inside(String className, Set<String> methods) {
    return WALKER.walk(frames -> frames.anyMatch(
        f -> f.getClassName().equals(className) && methods.contains(f.getMethodName())));
  }
}
