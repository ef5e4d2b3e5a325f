package dev.weft.explorer.junit;

import dev.weft.explorer.api.Failure;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * How to replay a failing {@link InterleavingTest} without editing it: the same test, run again by
 * Maven with the schedule in {@code -Dweft.replay}, quoted for a POSIX shell. It names no module, so
 * from a multi-module build's root the other modules must not fail for lack of the test.
 */
public final class ReplayHint {
  static final String HEADING = "Replay it, the test unchanged";
  private static final String FROM_FILE = "or, from the directory the test ran in:";

  private ReplayHint() {}

  /** The hint as the failure message ends with it: a heading, then {@link #lines}. */
  static String of(Class<?> testClass, Method method, Failure failure) {
    StringBuilder s = new StringBuilder(HEADING).append(":\n");
    for (String line : lines(testClass, method, failure)) {
      s.append(line.equals(FROM_FILE) ? "" : "  ").append(line).append('\n');
    }
    return s.toString();
  }

  /**
   * The command with the schedule string, then, when the schedule file was written, a line that
   * says where to run it and the command with the file.
   */
  static List<String> lines(Class<?> testClass, Method method, Failure failure) {
    String test = testClass.getName() + "#" + method.getName();
    List<String> lines = new ArrayList<>(List.of(command(test, failure.schedule())));
    if (failure.scheduleFile() != null) {
      lines.add(FROM_FILE);
      lines.add(command(test, failure.scheduleFile().toString()));
    }
    return lines;
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
