package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.CounterCases;
import dev.weft.samples.cli.Programs;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code weft run --test CLASS#METHOD}: one JUnit 5 test method explored, and its replay. */
class TestMethodTest {
  private static final String CASES = CounterCases.class.getName();

  /** The samples and JUnit's jars: the engine, its API and the platform, without the launcher. */
  private static final String WITHOUT_LAUNCHER = classPath(
      CounterCases.class, org.junit.jupiter.api.Test.class,
      org.junit.jupiter.engine.JupiterTestEngine.class,
      org.junit.platform.engine.TestEngine.class,
      org.junit.platform.commons.util.ReflectionUtils.class,
      org.opentest4j.AssertionFailedError.class, org.apiguardian.api.API.class);

  private static final String CLASS_PATH = WITHOUT_LAUNCHER + File.pathSeparator
      + classPath(org.junit.platform.launcher.Launcher.class);

  @Test
  void lostUpdateInATestIsABugWhoseScheduleReplaysTheSameTest() {
    CliRun found = weft("run", "--classpath", CLASS_PATH, "--test", CASES + "#lostUpdate");
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    assertTrue(found.out().contains("lost update ==> expected: <2> but was: <1>"),
        found::toString);
    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(found.trace(), replayed.trace());
    assertTrue(replayed.out().contains("The recorded failure reproduced"), replayed::toString);
  }

  @Test
  void correctTestPasses() {
    CliRun r = weft("run", "--classpath", CLASS_PATH, "--test", CASES + "#lockedIncrements",
        "--iterations", "50");
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
  }

  @Test
  void unknownClassIsAUsageError() {
    weft("run", "--classpath", CLASS_PATH, "--test", "com.acme.NoSuchTest#transfers")
        .assertUsageError("class com.acme.NoSuchTest not found on the class path");
  }

  @Test
  void unknownMethodIsAUsageError() {
    weft("run", "--classpath", CLASS_PATH, "--test", CASES + "#noSuchMethod")
        .assertUsageError("class " + CASES + " has no method noSuchMethod() without parameters");
  }

  @Test
  void methodThatIsNoTestIsAUsageError() {
    weft("run", "--classpath", CLASS_PATH, "--test", CASES + "#helper")
        .assertUsageError("JUnit finds no test " + CASES + "#helper(): name a JUnit 5 @Test"
            + " method");
  }

  @Test
  void testNotWrittenAsClassHashMethodIsAUsageError() {
    weft("run", "--classpath", CLASS_PATH, "--test", CASES)
        .assertUsageError("'" + CASES + "' is not CLASS#METHOD, e.g. com.acme.BankTest#transfers");
  }

  @Test
  void mainAndTestTogetherAreAUsageError() {
    weft("run", "--classpath", CLASS_PATH, "--test", CASES + "#lostUpdate", "--main", CASES)
        .assertUsageError("mutually exclusive");
  }

  @Test
  void missingLauncherIsAUsageErrorSayingWhatToAdd() {
    weft("run", "--classpath", WITHOUT_LAUNCHER, "--test", CASES + "#lostUpdate")
        .assertUsageError("the JUnit Platform launcher is not on the class path");
  }

  @Test
  void argumentsForMainAreRefusedWithATest() {
    weft("run", "--classpath", CLASS_PATH, "--test", CASES + "#lostUpdate", "--", "x")
        .assertUsageError("ARGS are passed to main; a test method run with --test takes none");
  }

  private static String classPath(Class<?>... classes) {
    return Stream.of(classes).map(TestMethodTest::location).distinct()
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
