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
}
