package dev.weft.explorer.api;

import dev.weft.explorer.attach.AgentInstaller;
import dev.weft.explorer.explore.Explorer;
import dev.weft.explorer.explore.Replayer;

/**
 * Weft's entry point: explore the interleavings of a concurrent test, and replay a failure.
 *
 * <pre>{@code
 * ExplorationResult result = Weft.exploreInterleavings(
 *     Options.builder().strategy(StrategyKind.PCT).iterations(1_000).build(),
 *     () -> {
 *       Counter c = new Counter();
 *       Thread t = new Thread(c::increment);
 *       t.start();
 *       c.increment();
 *       t.join();
 *       assert c.get() == 2;
 *     });
 * result.assertNoFailure(); // throws AssertionError with the trace and the replay string
 * }</pre>
 *
 * <p>Needs Weft's agent ({@code -javaagent:weft-agent.jar}); when it is missing, Weft attaches it at
 * run time where the JVM allows, and otherwise throws {@link IllegalStateException} saying which
 * argument to add. One exploration runs at a time in a JVM; concurrent calls queue.
 *
 * <p>Public API since 0.1.
 */
public final class Weft {
  private Weft() {}

  /**
   * Runs {@code body} many times, each on a fresh controlled thread, under the chosen strategy, and
   * stops at the first bug, after {@link Options#iterations()} executions, or at {@link
   * Options#timeLimit()}. A failing schedule is written to {@link Options#outputDir()}.
   *
   * @return the result; never null. Call {@link ExplorationResult#assertNoFailure()} for the
   *     assertion style.
   * @throws WeftInternalException when Weft itself failed; nothing is then reported as a bug
   */
  public static ExplorationResult exploreInterleavings(Options options, Body body) {
    AgentInstaller.ensureInstalled(options.detectRaces());
    return Explorer.explore(options, body, testName(options));
  }

  /** {@link #exploreInterleavings(Options, Body)} with {@link Options#defaults()}. */
  public static ExplorationResult exploreInterleavings(Body body) {
    return exploreInterleavings(Options.defaults(), body);
  }

  /**
   * Replays a schedule, given as the path of a schedule file or as its {@code weft1;...} string,
   * with tracing on. A schedule file's class hashes are checked first, with the class files that
   * the class loader of {@code body}'s class finds.
   *
   * @throws IllegalArgumentException when the schedule is missing, corrupt, or from another Weft
   *     version, or when a class file it hashes has changed since; the message says what to do
   * @throws WeftInternalException when Weft itself failed during the replay
   */
  public static ReplayResult replay(String scheduleFileOrString, Body body) {
    AgentInstaller.ensureInstalled(false);
    return Replayer.replay(scheduleFileOrString, body, null);
  }

  private static String testName(Options options) {
    if (options.testName() != null) return options.testName();
    return StackWalker.getInstance()
        .walk(frames -> frames
            .filter(f -> !f.getClassName().startsWith("dev.weft.explorer."))
            .findFirst()
            .map(f -> simpleName(f.getClassName()) + "." + f.getMethodName())
            .orElse("weft"));
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
