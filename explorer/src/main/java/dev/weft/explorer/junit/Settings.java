package dev.weft.explorer.junit;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import java.lang.reflect.Method;

/**
 * The options of one {@link InterleavingTest}: for each setting, a {@code weft.*} system property
 * when set, else the method's annotation, else the class's {@link ExplorationDefaults}, else
 * Options' default. The builder already starts from the defaults and the properties; a setting is
 * applied from an annotation only when no property names it.
 */
final class Settings {
  private Settings() {}

  static Options.Builder options(Class<?> testClass, Method method) {
    Options.Builder b = Options.builder();
    ExplorationDefaults c = testClass.getAnnotation(ExplorationDefaults.class);
    if (c != null) {
      apply(b, new Values(c.strategy(), c.iterations(), c.seed(), c.timeLimit(), c.maxSteps(),
          c.preemptionBound(), c.detectRaces(), c.spuriousWakeups(), c.timeouts()), where(testClass.getSimpleName()));
    }
    InterleavingTest m = method.getAnnotation(InterleavingTest.class);
    if (m != null) {
      apply(b, new Values(m.strategy(), m.iterations(), m.seed(), m.timeLimit(), m.maxSteps(),
          m.preemptionBound(), m.detectRaces(), m.spuriousWakeups(), m.timeouts()),
          where(testClass.getSimpleName() + "." + method.getName()));
    }
    return b;
  }

  private static String where(String name) {
    return " (in the Weft settings of " + name + ")";
  }

  /** One annotation's settings; an empty array is unset. */
  private record Values(StrategyKind[] strategy, int[] iterations,
      long[] seed, String[] timeLimit, int[] maxSteps, int[] preemptionBound,
      boolean[] detectRaces, boolean[] spuriousWakeups, Timeouts[] timeouts) {}

  private static void apply(Options.Builder b, Values v, String where) {
    set("weft.strategy", v.strategy().length, where, () -> b.strategy(v.strategy()[0]));
    set("weft.iterations", v.iterations().length, where, () -> b.iterations(v.iterations()[0]));
    set("weft.seed", v.seed().length, where, () -> b.seed(v.seed()[0]));
    set("weft.timeLimit", v.timeLimit().length, where,
        () -> b.timeLimit(Options.parseDuration(v.timeLimit()[0])));
    set("weft.maxSteps", v.maxSteps().length, where, () -> b.maxSteps(v.maxSteps()[0]));
    set("weft.preemptionBound", v.preemptionBound().length, where,
        () -> b.preemptionBound(v.preemptionBound()[0]));
    set("weft.detectRaces", v.detectRaces().length, where,
        () -> b.detectRaces(v.detectRaces()[0]));
    set("weft.spuriousWakeups", v.spuriousWakeups().length, where,
        () -> b.spuriousWakeups(v.spuriousWakeups()[0]));
    set("weft.timeouts", v.timeouts().length, where, () -> b.timeouts(v.timeouts()[0]));
  }

  /**
   * Applies one setting given {@code values} times, unless none or its property is set; more than
   * one value is a mistake the message names, as is a value the builder refuses.
   */
  private static void set(String property, int values, String where, Runnable apply) {
    if (values == 0) return;
    String name = property.substring("weft.".length());
    if (values > 1) {
      throw new IllegalArgumentException(
          name + " takes one value, not " + values + where);
    }
    if (System.getProperty(property) != null) return;
    try {
      apply.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + where, e);
    }
  }
}
