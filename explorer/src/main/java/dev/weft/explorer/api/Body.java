package dev.weft.explorer.api;

/**
 * The code Weft runs under exploration, once per execution, each time on a fresh controlled thread.
 * It typically starts threads, joins them, and asserts; any throwable is a failure.
 *
 * <p>Public API since 0.1.
 */
@FunctionalInterface
public interface Body {
  void run() throws Throwable;

  /**
   * Whether every execution of this body records its trace while searching, not only the failing
   * one when it is replayed: for a body that reads its own execution's trace as it runs (a scenario
   * whose invariants ask what happened before what). False by default: tracing costs time.
   *
   * @since 0.2
   */
  default boolean tracesEveryExecution() {
    return false;
  }
}
