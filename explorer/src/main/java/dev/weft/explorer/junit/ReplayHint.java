package dev.weft.explorer.junit;

import dev.weft.explorer.api.Failure;
import java.lang.reflect.Method;

/**
 * How to replay a failing {@link InterleavingTest} without editing it: the same test, run again by
 * Maven with the schedule in {@code -Dweft.replay}, quoted for a POSIX shell. It names no module, so
 * from a multi-module build's root the other modules must not fail for lack of the test.
 */
final class ReplayHint {
  private ReplayHint() {}

  static String of(Class<?> testClass, Method method, Failure failure) {
    String command = "  mvn test -Dsurefire.failIfNoSpecifiedTests=false -Dtest="
        + shellQuoted(testClass.getName() + "#" + method.getName()) + " -Dweft.replay=";
    StringBuilder s = new StringBuilder("Replay it, the test unchanged:\n");
    s.append(command).append(shellQuoted(failure.schedule())).append('\n');
    if (failure.scheduleFile() != null) {
      s.append("or, from the directory the test ran in:\n");
      s.append(command).append(shellQuoted(failure.scheduleFile().toString())).append('\n');
    }
    return s.toString();
  }

  /** In single quotes, each single quote written as '\'' . */
  static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
