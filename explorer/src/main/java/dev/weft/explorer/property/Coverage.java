package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A coverage requirement of a property ({@link ForAll#cover}, {@link ForAllWorkloads#cover}) and
 * how the tests (or executions) met it.
 *
 * <p>Public API since 0.2.
 *
 * @param label the label the requirement counts
 * @param minPercent the share, 0 to 100, that must carry it
 * @param percent the share that did, over what the result counted
 * @param over what the shares are of: {@code "tests"} or {@code "executions"}
 */
public record Coverage(String label, double minPercent, double percent, String over) {
  /** A requirement over tests. */
  public Coverage(String label, double minPercent, double percent) {
    this(label, minPercent, percent, "tests");
  }

  /**
   * Adds the requirement of {@code minPercent} for {@code label} to {@code covers}.
   *
   * @throws IllegalArgumentException when {@code minPercent} is outside 0..100, or {@code label}
   *     is blank or already required
   */
  static void require(Map<String, Double> covers, double minPercent, String label) {
    if (!(minPercent >= 0 && minPercent <= 100)) {
      throw new IllegalArgumentException("cover needs a percentage from 0 to 100, was "
          + minPercent + " for '" + label + "'");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("cover needs a label to count, was '" + label + "'");
    }
    if (covers.putIfAbsent(label, minPercent) != null) {
      throw new IllegalArgumentException("cover('" + label + "') is given twice; give it once");
    }
  }

  /** How {@code table} meets each requirement of {@code covers}, in their order. */
  static List<Coverage> of(Map<String, Double> covers, LabelTable table, String over) {
    List<Coverage> coverage = new ArrayList<>();
    covers.forEach((label, min) -> coverage.add(
        new Coverage(label, min, table.percent(label), over)));
    return coverage;
  }

  /** Whether enough tests carried the label. */
  public boolean met() {
    return percent >= minPercent;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "'%s' in %.1f%% of %s, %s the %.1f%% required", label,
        percent, over, met() ? "meeting" : "below", minPercent);
  }
}
