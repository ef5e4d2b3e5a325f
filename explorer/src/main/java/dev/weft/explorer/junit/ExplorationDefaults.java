package dev.weft.explorer.junit;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Defaults for the {@link InterleavingTest} methods of a class (and its subclasses): what a method's
 * own annotation leaves unset. Same settings, same meaning.
 *
 * <p>Public API since 0.1.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ExplorationDefaults {
  StrategyKind[] strategy() default {};

  int[] iterations() default {};

  long[] seed() default {};

  String[] timeLimit() default {};

  int[] maxSteps() default {};

  int[] preemptionBound() default {};

  boolean[] detectRaces() default {};

  boolean[] spuriousWakeups() default {};

  Timeouts[] timeouts() default {};
}
