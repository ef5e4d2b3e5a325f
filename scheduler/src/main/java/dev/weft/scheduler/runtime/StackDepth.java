package dev.weft.scheduler.runtime;

/** How deep the calling thread's stack is, counting no frame of Weft's own runtime. */
final class StackDepth {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private StackDepth() {}

  static long ofProgram() {
    return WALKER.walk(frames ->
        frames.filter(f -> !f.getClassName().startsWith("dev.weft.scheduler.")).count());
  }
}
