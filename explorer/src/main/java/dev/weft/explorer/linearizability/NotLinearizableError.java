package dev.weft.explorer.linearizability;

import java.util.List;

/**
 * Thrown by an execution whose history no sequential order of the model explains: its message is
 * the report, and it carries the history, so that the failure's page can show it.
 */
final class NotLinearizableError extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** Not serialized: a report is made in the JVM that threw it. */
  private final transient List<Call> history;

  NotLinearizableError(String message, List<Call> history) {
    super(message);
    this.history = List.copyOf(history);
  }

  List<Call> history() {
    return history;
  }
}
