package dev.weft.explorer.api;

import java.util.Optional;

/**
 * What replaying a schedule did.
 *
 * <p>Public API since 0.1.
 *
 * @param status whether the recorded failure came back
 * @param message one or more lines saying what happened, and where it diverged if it did
 * @param failure the failure, when the replayed execution failed
 * @param trace the readable trace of the replayed execution
 */
public record ReplayResult(
    Status status, String message, Optional<Failure> failure, String trace) {

  /** How a replay ended. */
  public enum Status {
    /** The same failure happened again. */
    REPRODUCED,
    /** The execution ran to the end without failing. */
    NO_FAILURE,
    /** The program no longer matched the schedule, or failed differently. */
    DIVERGED
  }
}
