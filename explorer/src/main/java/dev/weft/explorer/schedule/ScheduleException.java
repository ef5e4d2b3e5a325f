package dev.weft.explorer.schedule;

/** A schedule file or string that cannot be used; the message says why and what to do. */
public final class ScheduleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ScheduleException(String message) {
    super(message);
  }
}
