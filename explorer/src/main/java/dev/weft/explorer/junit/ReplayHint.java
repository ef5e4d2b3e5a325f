package dev.weft.explorer.junit;

import dev.weft.explorer.api.Failure;
import java.lang.reflect.Method;

/**
 * How to replay a failing {@link InterleavingTest} without editing it: the same test, run again by
 * Maven with the schedule in {@code -Dweft.replay}, quoted for a POSIX shell. It names no module, so
 * from a multi-module build's root the other modules must not fail for lack of the test.
 */
public final class ReplayHint {
  private ReplayHint() {}

  static String of(Class<?> testClass, Method method, Failure failure) {
    String test = testClass.getName() + "#" + method.getName();
    StringBuilder s = new StringBuilder("Replay it, the test unchanged:\n");
    s.append("  ").append(command(test, failure.schedule())).append('\n');
    if (failure.scheduleFile() != null) {
      s.append("or, from the directory the test ran in:\n");
      s.append("  ").append(command(test, failure.scheduleFile().toString())).append('\n');
    }
    return s.toString();
  }

  /**
   * The Maven command line that runs test {@code classAndMethod} ({@code Class#method}) with
   * {@code schedule} in {@code -Dweft.replay}; also for linearizability checks, which read the
   * same property.
   */
  public static String command(String classAndMethod, String schedule) {
    return "mvn test -Dsurefire.failIfNoSpecifiedTests=false -Dtest=" + shellQuoted(classAndMethod)
        + " -Dweft.replay=" + shellQuoted(schedule);
  }

  /** In single quotes, each single quote written as '\'' . */
  static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
