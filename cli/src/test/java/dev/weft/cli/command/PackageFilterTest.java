package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.LostUpdateInHelper;
import dev.weft.samples.cli.Programs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --include} and {@code --exclude} decide which of the program's classes are explored. */
class PackageFilterTest {
  private static final String HELPER = "dev.weft.samples.cli.helper";

  @TempDir Path dir;

  @Test
  void theLostUpdateInTheHelperIsFoundWhenItIsInstrumented() {
    CliRun r = run();
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("lost update: expected 2 but was 1"), r::toString);
  }

  @Test
  void anExcludedPackagesAccessesAreNotSchedulingPoints() {
    CliRun r = run("--exclude", HELPER);
    assertEquals(ExitCode.NO_BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Not instrumented: the classes of " + HELPER + " (--exclude). What"
        + " uninstrumented classes do is not a scheduling point"), r::toString);
    assertTrue(r.out().contains("exhaustive: every interleaving class covered, no bug"),
        r::toString);
  }

  @Test
  void anIncludedPackageCoversItsSubpackagesAndTheReplayCommandRepeatsIt() {
    CliRun r = run("--include", "dev.weft.samples.cli");
    assertEquals(ExitCode.BUG, r.exitCode(), r::toString);
    assertTrue(r.out().contains("Instrumented: only the classes of dev.weft.samples.cli"
        + " (--include)."), r::toString);
    // A replay must meet the scheduling points the run met: its command repeats the option.
    assertTrue(r.out().contains("weft replay --include=dev.weft.samples.cli "
        + r.scheduleFile()), r::toString);
    CliRun replayed = weft("replay", "--include=dev.weft.samples.cli", r.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
  }

  @Test
  void aMalformedPackageIsAUsageError() {
    run("--exclude", "com..acme").assertUsageError(
        "--exclude takes a package name such as com.acme.util, not 'com..acme'");
  }

  private CliRun run(String... filter) {
    String[] args = {"run", "--classpath", Programs.samplesClassPath(),
        "--main", LostUpdateInHelper.class.getName(), "--strategy", "dfs",
        "--output-dir", dir.toString()};
    return weft(CliRun.with(args, filter));
  }
}
