package dev.weft.explorer.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.Weft;
import dev.weft.samples.explorer.ExploresWithoutTheAgent;
import dev.weft.samples.explorer.VolatileCounter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Runs in its own JVM without {@code -javaagent} (a separate Surefire execution): Weft must attach
 * its agent at run time, and say which argument to add when it cannot.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuntimeAttachIT {
  private static final String JAR_PROPERTY = "weft.agent.jar";
  private static final String RACES = "weft.agent.races";

  @Test
  @Order(1)
  void withoutAUsableJarTheErrorNamesTheArgumentToAdd() {
    assertFalse(Boolean.getBoolean("weft.agent.installed"), "this JVM must start without the agent");
    String jar = System.getProperty(JAR_PROPERTY);
    System.setProperty(JAR_PROPERTY, "target/no-such-agent.jar");
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Weft.exploreInterleavings(Options.builder().iterations(1).build(), () -> {}));
      assertTrue(e.getMessage().contains("-javaagent:"), e.getMessage());
    } finally {
      System.setProperty(JAR_PROPERTY, jar);
    }
  }

  @Test
  @Order(2)
  void attachesAtRunTimeAndFindsTheBug() throws Exception {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(1_000).seed(3).testName("runtime-attach")
            .outputDir(Path.of("target/weft")).build(),
        () -> VolatileCounter.race(false));
    assertTrue(Boolean.getBoolean("weft.agent.installed"));
    assertNull(Class.forName("dev.weft.scheduler.hooks.WeftHooks").getClassLoader(),
        "the scheduler must come from the bootstrap class path");
    assertTrue(result.failure().isPresent(), result::summary);
    assertEquals(ExplorationResult.StopReason.BUG_FOUND, result.stopReason());
    assertTrue(result.failure().get().summary().contains("lost update"));
    ReplayResult replay =
        Weft.replay(result.failure().get().schedule(), () -> VolatileCounter.race(false));
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(result.failure().get().trace(), replay.trace());
    // The trace's source lines are Weft's own, unaffected by the attach.
    assertTrue(result.failure().get().trace().contains("VolatileCounter.java:8"),
        result.failure().get()::trace);
    // A method that was running when the agent attached, of a class it rewrote, has no source
    // file, so no line, in this call (docs/junit.md, "Without the argLine"): JUnit's call of this
    // test was inside java.lang.reflect.Method.invoke then.
    StackTraceElement invoke = frameOfMethodInvoke();
    assertNull(invoke.getFileName(), invoke::toString);
  }

  @Test
  @Order(3)
  void methodsCalledAfterTheAttachHaveTheirLineNumbers() {
    assertTrue(Boolean.getBoolean("weft.agent.installed"), "attached by the test before");
    StackTraceElement invoke = frameOfMethodInvoke();
    assertTrue(invoke.getLineNumber() > 0 && "Method.java".equals(invoke.getFileName()),
        invoke::toString);
  }

  /**
   * docs/junit.md: JDK 21 and later warn of an agent loaded at run time, and {@code
   * -XX:+EnableDynamicAgentLoading} silences the warning. Checked in JVMs of their own, started
   * without {@code -javaagent} on this test's JVM, which CI runs on JDK 25 too.
   */
  @Test
  @Order(6)
  void jdk21AndLaterWarnOfTheAttachUnlessDynamicLoadingIsEnabled() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "JDK 21 introduced the warning");
    String warning = "WARNING: A Java agent has been loaded dynamically";
    String warned = exploreInAJvmOfItsOwn();
    assertTrue(warned.contains(warning), warned);
    String quiet = exploreInAJvmOfItsOwn("-XX:+EnableDynamicAgentLoading");
    assertFalse(quiet.contains(warning), quiet);
  }

  /** The output of {@link ExploresWithoutTheAgent} in a JVM given {@code options}. */
  private static String exploreInAJvmOfItsOwn(String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(), "-Xshare:off",
        "-D" + JAR_PROPERTY + "=" + System.getProperty(JAR_PROPERTY)));
    command.addAll(List.of(options));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"),
        ExploresWithoutTheAgent.class.getName()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A hang guard, far above the seconds this takes.
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), output);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("1 execution"), "the child explored: " + output);
    return output;
  }

  /** JUnit calls each test method through reflection. */
  private static StackTraceElement frameOfMethodInvoke() {
    return java.util.Arrays.stream(new Throwable().getStackTrace())
        .filter(f -> f.getClassName().equals("java.lang.reflect.Method")
            && f.getMethodName().equals("invoke"))
        .findFirst().orElseThrow();
  }

  @Test
  @Order(4)
  void theAttachedAgentInstrumentsPlainAccesses() {
    assertTrue(Boolean.getBoolean("weft.agent.installed"), "attached by the test before");
    assertTrue(Boolean.getBoolean(RACES), "every strategy schedules plain accesses found racing");
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().iterations(50).detectRaces(true).build(), () -> {});
    assertTrue(result.failure().isEmpty(), result::summary);
  }

  /** An agent given with -javaagent but without races announces that by not setting RACES. */
  @Test
  @Order(5)
  void raceDetectionAsksForTheAgentsRacesOptionWhenTheAgentLacksIt() {
    System.clearProperty(RACES);
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> Weft.exploreInterleavings(
              Options.builder().iterations(1).detectRaces(true).build(), () -> {}));
      assertTrue(e.getMessage().contains("-javaagent:/path/to/weft-agent.jar=races"),
          e.getMessage());
    } finally {
      System.setProperty(RACES, "true");
    }
  }
}
