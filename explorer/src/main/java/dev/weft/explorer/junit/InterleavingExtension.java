package dev.weft.explorer.junit;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.report.ReportFiles;
import dev.weft.explorer.report.html.HtmlReport;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs an {@link InterleavingTest}: JUnit's own invocation of the method is skipped, and Weft
 * explores (or, given a schedule, replays) executions that each run the method on a fresh instance
 * ({@link FreshInstanceBody}). Registered by the annotation; users never name it.
 */
public final class InterleavingExtension implements InvocationInterceptor {
  /** Held by every exploring test: explorations in one JVM run one at a time. */
  static final String EXPLORATION_LOCK = "dev.weft.exploration";

  /** A schedule to replay instead of exploring: a {@code weft1;...} string or a file's path. */
  static final String REPLAY_PROPERTY = "weft.replay";

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) {
    invocation.skip();
    Method method = invocationContext.getExecutable();
    Class<?> testClass = context.getRequiredTestClass();
    Object enclosing = FreshInstanceBody.isInner(testClass)
        ? context.getRequiredTestInstances().findInstance(testClass.getEnclosingClass())
            .orElseThrow()
        : null;
    Body body;
    try {
      body = FreshInstanceBody.of(testClass, method, enclosing);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(e.getMessage(), e);
    }
    String schedule = scheduleToReplay(method);
    if (schedule != null) {
      replay(testClass, method, schedule, body, context);
    } else {
      explore(testClass, method, body, context);
    }
  }

  private static String scheduleToReplay(Method method) {
    String property = System.getProperty(REPLAY_PROPERTY);
    if (property != null && !property.isBlank()) return property.strip();
    ReplaySchedule pinned = method.getAnnotation(ReplaySchedule.class);
    return pinned == null ? null : pinned.value();
  }

  private static void explore(
      Class<?> testClass, Method method, Body body, ExtensionContext context) {
    Options options = Settings.options(testClass, method)
        .testName(testClass.getSimpleName() + "." + method.getName())
        .build();
    ExplorationResult result = Weft.exploreInterleavings(options, body);
    context.publishReportEntry("weft.summary", result.summary());
    if (result.failure().isEmpty()) return;
    Failure failure = result.failure().get();
    // The page first gets its replay commands, so that the file entry is the page as it stays.
    String notes = putReplayHint(testClass, method, failure);
    Path schedule = failure.scheduleFile();
    if (schedule != null) {
      context.publishReportEntry("weft.schedule", schedule.toString());
      notes += FileEntries.publish(context, schedule, "application/json");
      notes += publishIfWritten(context, "weft.page", schedule, ReportFiles.HTML, "text/html");
      notes += publishIfWritten(context, "weft.graph", schedule, ReportFiles.DOT,
          "text/vnd.graphviz");
    }
    context.publishReportEntry("weft.replay", failure.schedule());
    throw new AssertionError(failure.report() + ReplayHint.of(testClass, method, failure)
        + notes, failure.error());
  }

  /**
   * Ends the failure's page, when it was written, with the commands that replay it, in place of
   * the API's {@code Weft.replay} calls: the user replays the test, not a body. Returns a line for
   * the failure's message when the page could not be changed, else nothing: the failure is
   * reported regardless, with the commands in its message.
   */
  private static String putReplayHint(Class<?> testClass, Method method, Failure failure) {
    if (failure.scheduleFile() == null) return "";
    Path page = ReportFiles.beside(failure.scheduleFile(), ReportFiles.HTML);
    if (!Files.isRegularFile(page)) return "";
    try {
      HtmlReport.putReplay(page, new HtmlReport.Section(ReplayHint.HEADING,
          ReplayHint.lines(testClass, method, failure), List.of()));
      return "";
    } catch (IOException e) {
      return "Could not add the replay command to " + page + ": " + e + "\n";
    }
  }

  /**
   * The report file beside {@code schedule} with {@code extension}, when it was written: its path
   * as a report entry, and the file itself as a file entry where JUnit has them. Returns what
   * {@link FileEntries#publish} returns.
   */
  private static String publishIfWritten(ExtensionContext context, String key, Path schedule,
      String extension, String mediaType) {
    Path file = ReportFiles.beside(schedule, extension);
    if (!Files.isRegularFile(file)) return "";
    context.publishReportEntry(key, file.toString());
    return FileEntries.publish(context, file, mediaType);
  }

  private static void replay(Class<?> testClass, Method method, String schedule, Body body,
      ExtensionContext context) {
    ReplayResult result;
    try {
      result = Weft.replay(schedule, body);
    } catch (IllegalArgumentException refused) {
      throw new AssertionError("Weft cannot replay the schedule given by "
          + (System.getProperty(REPLAY_PROPERTY) != null ? "-D" + REPLAY_PROPERTY
              : "@ReplaySchedule") + ": " + refused.getMessage(), refused);
    }
    context.publishReportEntry("weft.replay", result.status().name());
    switch (result.status()) {
      case REPRODUCED -> {
        Failure failure = result.failure().orElseThrow();
        throw new AssertionError("Replayed: " + failure.report()
            + putReplayHint(testClass, method, failure), failure.error());
      }
      case DIVERGED -> throw new AssertionError(
          "The replay did not follow the schedule:\n" + result.message() + "\n" + result.trace());
      case NO_FAILURE -> { } // the schedule ran to its end and the test held
    }
  }
}
