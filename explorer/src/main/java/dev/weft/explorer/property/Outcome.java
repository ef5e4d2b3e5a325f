package dev.weft.explorer.property;

/**
 * What one thread's operation gave: its result, or the class of the throwable it threw.
 *
 * <p>Public API since 0.2.
 *
 * @param value the result; null when it threw (or returned null)
 * @param thrown the thrown throwable's class name, or null when it returned
 */
public record Outcome<R>(R value, String thrown) {
  static <R> Outcome<R> returned(R value) {
    return new Outcome<>(value, null);
  }

  /** Only the class: a message may hold identity hashes or other details that vary by run. */
  static <R> Outcome<R> threw(Throwable t) {
    return new Outcome<>(null, t.getClass().getName());
  }

  @Override
  public String toString() {
    return thrown != null ? "threw " + thrown : String.valueOf(value);
  }
}
