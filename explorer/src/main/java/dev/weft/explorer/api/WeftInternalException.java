package dev.weft.explorer.api;

/**
 * Weft itself failed during an exploration or a replay: its scheduling code or a strategy threw.
 * It is never a bug of the program under test, so nothing is reported, shrunk or written as one;
 * the message says what Weft could not do, and the cause is Weft's own exception, to report.
 *
 * <p>Public API since 0.2.
 */
public final class WeftInternalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what Weft could not do; never null
   * @param cause Weft's own exception, or null
   */
  public WeftInternalException(String message, Throwable cause) {
    super(message, cause);
  }
}
