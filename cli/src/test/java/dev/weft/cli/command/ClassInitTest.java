package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.ClassInitDeadlock;
import dev.weft.samples.cli.FirstUserInitializes;
import dev.weft.samples.cli.InitializerCheckedAfterJoin;
import dev.weft.samples.cli.InitializerJoinsWorker;
import dev.weft.samples.cli.Programs;
import dev.weft.samples.cli.RacingInitialization;
import dev.weft.samples.cli.LambdaInInitializerDeadlock;
import dev.weft.samples.cli.MethodRefInitDeadlock;
import dev.weft.samples.cli.ReflectiveInitDeadlock;
import dev.weft.samples.cli.ReflectiveInitialization;
import dev.weft.samples.cli.StartedInInitializer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Class initialization as the JVM's lock, end to end: {@code weft run} loads the program afresh for
 * every execution, so each one initializes its classes, and a thread that waits for another's
 * static initializer waits in Weft's model, not inside the JVM while it holds the turn.
 */
class ClassInitTest {
  private static CliRun run(Class<?> main, String... options) {
    String[] args = Stream.concat(Stream.of("run", "--classpath", Programs.samplesClassPath(),
        "--main", main.getName()), Stream.of(options)).toArray(String[]::new);
    return weft(args);
  }

  /** Correct programs whose threads wait for, or run beside, a static initializer. */
  static Stream<Arguments> correctUnderEveryStrategy() {
    return Stream.of(StartedInInitializer.class, InitializerJoinsWorker.class,
            RacingInitialization.class)
        .flatMap(main -> Stream.of("random", "dfs").map(s -> Arguments.of(main, s)));
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("correctUnderEveryStrategy")
  void threadsThatWaitForAnInitializerAreNeverStuck(Class<?> main, String strategy) {
    CliRun r = run(main, "--strategy", strategy, "--iterations", "60", "--time-limit", "5m");
    assertNoBugAndADfsProof(r, strategy);
  }

  @ParameterizedTest(name = "under {0}")
  @MethodSource("strategies")
  void anInitializerThatJoinsAThreadWhichNeedsItsClassIsADeadlockNamingTheInitialization(
      String strategy) {
    assertAnInitializationDeadlockThatReplays(ClassInitDeadlock.class, strategy, 14, 23);
  }

  /** Each way the JDK initializes a class for the program, under a random and a systematic search. */
  static Stream<Arguments> reflectiveWays() {
    return Stream.of("forName", "invoke", "newInstance", "field", "handle", "constructorHandle",
            "staticReference", "constructorReference")
        .flatMap(way -> Stream.of("random", "dfs").map(s -> Arguments.of(way, s)));
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("reflectiveWays")
  void aThreadThatInitializesAClassThroughTheJdkWaitsForAnotherThreadsInitializerInTheModel(
      String way, String strategy) {
    CliRun r = run(ReflectiveInitialization.class, "--strategy", strategy, "--iterations", "60",
        "--time-limit", "5m", "--", way);
    assertNoBugAndADfsProof(r, strategy);
  }

  @ParameterizedTest(name = "under {0}")
  @MethodSource("strategies")
  void anInitializerThatJoinsAThreadWhichLoadsItsClassByNameIsADeadlockNamingTheInitialization(
      String strategy) {
    // T1's wait is shown at the program's line that called Class.forName.
    assertAnInitializationDeadlockThatReplays(ReflectiveInitDeadlock.class, strategy, 13, 23);
  }

  @ParameterizedTest(name = "under {0}")
  @MethodSource("strategies")
  void anInitializerThatJoinsAThreadWhichCallsItThroughAMethodReferenceIsADeadlock(
      String strategy) {
    // T1's wait is shown at the method reference, where Weft's bridge to the method stands.
    assertAnInitializationDeadlockThatReplays(MethodRefInitDeadlock.class, strategy, 15, 28);
  }

  @Test
  void aThreadWhoseLambdaIsWrittenInTheClassBeingInitializedIsStuckAndTheReportSaysWhy() {
    // The lambda's body is a static method of the class, called from a class the JVM generates:
    // no agent sees the use, so the thread waits inside the JVM. The report used to advise a
    // lambda, the very thing the thread runs.
    CliRun r = run(LambdaInInitializerDeadlock.class, "--strategy", "dfs",
        "--execution-timeout", "2s");
    String name = LambdaInInitializerDeadlock.class.getName();
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Weft found a bug (stuck)"), r::toString);
    // From JDK 21 the JVM hides the lambda's generated class and its frames, so the report can
    // only say what the hidden frame most likely is.
    String runs = Runtime.version().feature() < 21
        ? "T1 runs a lambda or method reference written in class " + name
        : "T1 is blocked in a frame the JVM hides, as it hides the class it generates for a lambda"
            + " or method reference (JDK 21 and later). If it runs one written in class " + name;
    assertTrue(r.out().contains(runs + ", whose body is a static method of " + name), r::toString);
    assertTrue(r.out().contains("which T0 is running. If T0 waits for T1 (an initializer that joins"
        + " the thread it started), the program deadlocks in any JVM."), r::toString);
    assertFalse(r.out().contains("Use a lambda there instead"), r::toString);
  }

  static Stream<String> strategies() {
    return Stream.of("random", "pct", "dfs");
  }

  /**
   * Which thread runs an initializer is decided by which uses the class first: systematic search
   * must try both orders, so it must see two first uses of one class as dependent.
   */
  @ParameterizedTest(name = "under {0}")
  @MethodSource("searches")
  void systematicSearchTriesEachThreadAsTheInitializerAndTheBugReplays(String strategy) {
    CliRun r = run(FirstUserInitializes.class, "--strategy", strategy);
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Registry was initialized by b, not by a"), r::toString);
    assertTrue(r.trace().contains("| initialize class Registry"), r::toString);

    CliRun replayed = weft("replay", r.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(r.trace(), replayed.trace());
  }

  /**
   * The same bug, seen by main after the threads end: the search must wake a thread it put to
   * sleep when another thread's step touches what the sleeper's step touched between scheduling
   * points (its first use of the class), or it proves the program correct.
   */
  @Test
  void systematicSearchFindsAnInitializerOrderThatOnlyMainChecks() {
    CliRun r = run(InitializerCheckedAfterJoin.class, "--strategy", "dfs");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Registry was initialized by b, not by a"), r::toString);

    CliRun replayed = weft("replay", r.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(r.trace(), replayed.trace());
  }

  /**
   * Two threads racing to initialize a class whose initializer takes a monitor: the start of an
   * initializer and another thread's first use are acquisitions of the class's initialization lock,
   * which race, so each thread is tried as the initializer (the two classes a random search sees).
   */
  @Test
  void systematicSearchTriesEachThreadAsTheInitializerOfARacingInitialization() {
    CliRun r = run(RacingInitialization.class, "--strategy", "dfs");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("(2 interleaving classes)")
        && r.out().contains("exhaustive: every interleaving class covered, no bug"), r::toString);
  }

  static Stream<String> searches() {
    return Stream.of("dfs", "portfolio");
  }

  /** No bug, and under dfs the proof that every interleaving class was covered. */
  private static void assertNoBugAndADfsProof(CliRun r, String strategy) {
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    if (strategy.equals("dfs")) {
      assertTrue(r.out().contains("exhaustive: every interleaving class covered, no bug"),
          r::toString);
    }
  }

  /**
   * {@code program}'s T0 initializes it and joins T1 at line {@code joinLine}, while T1 waits for
   * that initialization at line {@code waitLine}: a deadlock named with its cycle, which replays.
   */
  private static void assertAnInitializationDeadlockThatReplays(Class<?> program, String strategy,
      int joinLine, int waitLine) {
    CliRun r = run(program, "--strategy", strategy);
    String name = program.getName();
    String file = program.getSimpleName() + ".java:";
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Weft found a bug (deadlock)"), r::toString);
    assertTrue(r.out().contains("  T0 holds the initialization of class " + name
        + " and waits to join T1 at " + file + joinLine + "\n"), r::toString);
    assertTrue(r.out().contains("  T1 waits for the initialization of class " + name
        + " at " + file + waitLine + ", run by T0\n"), r::toString);
    assertTrue(r.out().contains("  Cycle: T0 -> T1 -> T0 (T1 waits for the initialization of class "
        + name + " by T0)\n"), r::toString);

    CliRun replayed = weft("replay", r.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(r.trace(), replayed.trace());
    assertTrue(replayed.out().contains("The recorded failure reproduced: Deadlock"),
        replayed::toString);
  }
}
