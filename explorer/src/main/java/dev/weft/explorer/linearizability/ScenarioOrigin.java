package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a scenario came from: the how-many-th drawn from the check's seed, then which of {@link
 * Scenario#smaller()} minimising kept at each step. Written into the exploration's test name, so
 * that a schedule file names its scenario and {@code -Dweft.replay} can rebuild it from the same
 * check.
 *
 * @param drawn the scenario's number among those drawn, from 1
 * @param kept at each minimising step, the index of the smaller scenario kept
 */
record ScenarioOrigin(int drawn, List<Integer> kept) {
  private static final Pattern NAME =
      Pattern.compile("-scenario-(\\d+)(?:-minimised-(\\d+(?:\\.\\d+)*))?");

  ScenarioOrigin {
    kept = List.copyOf(kept);
  }

  /** One minimising step further: the smaller scenario at {@code index} was kept. */
  ScenarioOrigin keep(int index) {
    List<Integer> more = new ArrayList<>(kept);
    more.add(index);
    return new ScenarioOrigin(drawn, more);
  }

  /** The test name of an exploration of this scenario within check {@code check}. */
  String testName(String check) {
    return check + "-scenario-" + drawn + (kept.isEmpty() ? ""
        : "-minimised-" + String.join(".", kept.stream().map(String::valueOf).toList()));
  }

  /**
   * The origin a test name written by {@link #testName} names, for check {@code check}.
   *
   * @throws IllegalArgumentException when the name is not one of that check's
   */
  static ScenarioOrigin parse(String testName, String check) {
    Matcher m = NAME.matcher(testName == null ? "" : testName);
    if (testName == null || !testName.startsWith(check) || !m.region(check.length(),
        testName.length()).matches()) {
      throw new IllegalArgumentException("the schedule was recorded for " + testName
          + ", not for a scenario of the linearizability check " + check);
    }
    List<Integer> kept = new ArrayList<>();
    if (m.group(2) != null) {
      for (String k : m.group(2).split("\\.")) kept.add(Integer.parseInt(k));
    }
    return new ScenarioOrigin(Integer.parseInt(m.group(1)), kept);
  }

  /** The scenario itself: {@code drawn} redrawn in order, then each kept smaller one. */
  Scenario rebuild(java.util.function.IntFunction<Scenario> drawnScenario) {
    Scenario scenario = drawnScenario.apply(drawn);
    for (int index : kept) {
      List<Scenario> smaller = scenario.smaller();
      if (index >= smaller.size()) {
        throw new IllegalArgumentException("the schedule's scenario no longer exists: scenario "
            + drawn + " has fewer calls than when it was recorded; was the check changed?");
      }
      scenario = smaller.get(index);
    }
    return scenario;
  }
}
