package dev.weft.cli.launch;

/** The child JVM could not be started; the message says why and what to do, in one line. */
public final class LaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LaunchException(String message, Throwable cause) {
    super(message, cause);
  }
}
