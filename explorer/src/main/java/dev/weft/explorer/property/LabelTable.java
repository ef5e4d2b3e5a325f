package dev.weft.explorer.property;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many of a property's tests carried each label ({@link TestContext#classify}, {@link
 * TestContext#label}, {@link TestContext#collect}), over the tests that ran and were not discarded.
 *
 * <p>Public API since 0.2.
 *
 * @param tests the tests counted
 * @param counts per label, the tests that carried it; most frequent first, then in the order first
 *     seen; unmodifiable
 */
public record LabelTable(int tests, Map<String, Integer> counts) {
  public LabelTable {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** The table of {@code labelsPerTest}, in test order. */
  static LabelTable of(List<List<String>> labelsPerTest) {
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (List<String> labels : labelsPerTest) {
      for (String l : labels) seen.merge(l, 1, Integer::sum);
    }
    Map<String, Integer> sorted = new LinkedHashMap<>();
    seen.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
    return new LabelTable(labelsPerTest.size(), sorted);
  }

  /** The percentage of tests that carried {@code label}, from 0 to 100. */
  public double percent(String label) {
    return tests == 0 ? 0 : 100.0 * counts.getOrDefault(label, 0) / tests;
  }

  /** One line per label: its percentage, count and name; empty when no test was labelled. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    counts.forEach((label, n) -> s.append(String.format(Locale.ROOT, "  %5.1f%%  %"
        + String.valueOf(tests).length() + "d  %s%n", percent(label), n, label)));
    return s.toString();
  }
}
