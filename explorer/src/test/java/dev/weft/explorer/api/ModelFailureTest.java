package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.explorer.HookModelFailures;
import dev.weft.samples.explorer.ModelFailures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failure of Weft's model inside a hook ends the exploration as Weft's own, never as an exception
 * of the program's thread; the exceptions a hook throws for the program (the JVM refusing to lock
 * null, or a wait without the monitor) stay the program's bugs, and replay.
 */
class ModelFailureTest {
  @TempDir Path output;

  @ParameterizedTest
  @EnumSource(value = StrategyKind.class, names = {"DFS", "RANDOM", "PCT"})
  void aFailureOfTheModelIsWeftsNotABugOfTheProgram(StrategyKind strategy) throws IOException {
    Options options = Options.builder().strategy(strategy).iterations(20).outputDir(output)
        .build();
    WeftInternalException e = assertThrows(WeftInternalException.class,
        () -> Weft.exploreInterleavings(options, ModelFailures::corruptedWaitSet));
    assertTrue(e.getMessage().startsWith("Weft failed: it could not model T0's operation in the"
        + " hook MonitorHooks.notifyOne, because it threw java.lang.ArrayIndexOutOfBoundsException"),
        e.getMessage());
    assertTrue(e.getMessage().contains("not in the program under test"), e.getMessage());
    assertInstanceOf(IndexOutOfBoundsException.class, e.getCause());
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(0, files.count(), "no schedule or report is written for Weft's own failure");
    }
  }

  /**
   * A program that breaks the model before a hook, the hook (its class and name), the thread and
   * what the model threw.
   */
  static Stream<Arguments> hooksThatGuardThemselves() {
    return Stream.of(
        hook("ThreadHooks.threadExiting", HookModelFailures::atThreadExit, "T1", "ArrayIndexOutOfBounds"),
        hook("ThreadHooks.uncaughtException", HookModelFailures::atUncaughtException, "T1", "NullPointer"),
        hook("ParkingHooks.unpark", HookModelFailures::atUnpark, "T0", "ArrayIndexOutOfBounds"),
        hook("ParkingHooks.unsafePark", HookModelFailures::atUnsafePark, "T0", "ArrayIndexOutOfBounds"),
        hook("ParkingHooks.unsafeUnpark", HookModelFailures::atUnsafeUnpark, "T0", "ArrayIndexOutOfBounds"),
        hook("SocketHooks.socketAccept", HookModelFailures::atSocketAccept, "T0", "ArrayIndexOutOfBounds"),
        hook("SocketHooks.socketPoll", HookModelFailures::atSocketPoll, "T0", "ArrayIndexOutOfBounds"),
        hook("SocketHooks.epollWait", HookModelFailures::atEpollWait, "T0", "ArrayIndexOutOfBounds"),
        hook("DeterminismHooks.hashCode", HookModelFailures::atHashCode, "T0", "ClassCast"),
        hook("DeterminismHooks.identityHashCode", HookModelFailures::atIdentityHashCode, "T0", "ClassCast"));
  }

  private static Arguments hook(String name, Body body, String thread,
      String exception) {
    return Arguments.of(name, body, thread, exception);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hooksThatGuardThemselves")
  void aModelFailureInAHookThatGuardsItselfIsWefts(String hook, Body body,
      String thread, String exception) throws IOException {
    Options options = Options.builder().strategy(StrategyKind.RANDOM).iterations(5)
        .outputDir(output).build();
    WeftInternalException e = assertThrows(WeftInternalException.class,
        () -> Weft.exploreInterleavings(options, body));
    assertTrue(e.getMessage().startsWith("Weft failed: it could not model " + thread
        + "'s operation in the hook " + hook + ", because it threw java.lang."
        + exception + "Exception"), e.getMessage());
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(0, files.count(), "no schedule or report is written for Weft's own failure");
    }
  }

  @Test
  void lockingNullIsTheProgramsBugAndReplays() {
    Failure f = FoundBugs.assertFoundAndReplayed(new FoundBugs.Sample("lockOnNull",
        ModelFailures::lockOnNull, "T0 threw java.lang.NullPointerException"));
    assertEquals(FailureKind.EXCEPTION, f.kind(), f.report());
  }

  @Test
  void waitingWithoutTheMonitorIsTheProgramsBugAndReplays() {
    Failure f = FoundBugs.assertFoundAndReplayed(new FoundBugs.Sample("waitWithoutTheMonitor",
        ModelFailures::waitWithoutTheMonitor,
        "T0 threw java.lang.IllegalMonitorStateException: current thread is not owner"));
    assertEquals(FailureKind.EXCEPTION, f.kind(), f.report());
  }
}
