package dev.weft.explorer.property;

import java.util.Locale;

/**
 * A coverage requirement of a property ({@link ForAll#cover}) and how the tests met it.
 *
 * <p>Public API since 0.2.
 *
 * @param label the label the requirement counts
 * @param minPercent the share of tests, 0 to 100, that must carry it
 * @param percent the share that did, over the tests counted in the result
 */
public record Coverage(String label, double minPercent, double percent) {
  /** Whether enough tests carried the label. */
  public boolean met() {
    return percent >= minPercent;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "'%s' in %.1f%% of tests, %s the %.1f%% required", label,
        percent, met() ? "meeting" : "below", minPercent);
  }
}
