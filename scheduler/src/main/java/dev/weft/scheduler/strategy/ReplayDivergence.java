package dev.weft.scheduler.strategy;

/** A replayed schedule asked for a choice the program no longer offers. */
public final class ReplayDivergence extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReplayDivergence(String message) {
    super(message, null, false, false);
  }
}
