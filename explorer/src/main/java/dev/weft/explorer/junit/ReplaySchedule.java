package dev.weft.explorer.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins an {@link InterleavingTest} to one schedule: instead of exploring, the test replays it (a
 * {@code weft1;...} string or a schedule file's path). It fails when the recorded failure comes back,
 * with its trace, and when the program no longer follows the schedule, saying where; it passes when
 * the schedule runs to its end without failing. Meant for working on one bug: under a debugger, or
 * while fixing it. The {@code weft.replay} system property, when set, wins over it.
 *
 * <p>Public API since 0.1.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReplaySchedule {
  /** The schedule: a {@code weft1;...} string or the path of a schedule file. */
  String value();
}
