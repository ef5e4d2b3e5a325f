package dev.weft.cli.command;

import static dev.weft.cli.command.CliRun.weft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.cli.ExitCode;
import dev.weft.samples.cli.FormatsForFrance;
import dev.weft.samples.cli.LostUpdateInHelper;
import dev.weft.samples.cli.helper.SharedCounter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the program's classes is not a step of the program's. The class path reads each class
 * file once, in the execution that first needs it, and reading one from a jar locks the JDK's table
 * of URL handlers: were that counted as the program's, the execution that loaded a class first
 * would differ from every later one, and a schedule found after it would diverge when replayed in a
 * fresh JVM, where the replayed execution loads the class first.
 */
class FirstLoadTest {
  private static final Pattern EXECUTION = Pattern.compile("found a bug \\(\\w+\\) in execution (\\d+)");

  @TempDir Path dir;

  @Test
  void aBugFoundAfterTheExecutionThatLoadedTheProgramFromAJarReplaysInAFreshJvm()
      throws Exception {
    Path jar = dir.resolve("program.jar");
    jarOf(jar, LostUpdateInHelper.class, SharedCounter.class);
    CliRun found = weft("run", "--classpath", jar.toString(), "--main",
        LostUpdateInHelper.class.getName(), "--strategy", "dfs", "--no-shrink",
        "--output-dir", dir.resolve("weft").toString());
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    Matcher m = EXECUTION.matcher(found.out());
    assertTrue(m.find(), found::toString);
    // dfs runs the schedule without preemptions first, which passes and loads the helper class.
    assertTrue(Integer.parseInt(m.group(1)) > 1, found::toString);

    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(found.trace(), replayed.trace());
  }

  /**
   * The JDK's own loaders at work inside an execution are not the program's either: the first
   * {@code String.format} with a {@code Locale} in the JVM has them find and define the locale data
   * provider, locking the same table of URL handlers. The bug is found after the execution that
   * formatted first; replayed in a fresh JVM, the same schedule's execution is the first to format,
   * and its trace is the same, step for step (the replay checks every step as it goes).
   */
  @Test
  void aBugFoundAfterTheFirstFormatWithALocaleReplaysInAFreshJvm() throws Exception {
    Path classes = Path.of(FormatsForFrance.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    CliRun found = weft("run", "--classpath", classes.toString(), "--main",
        FormatsForFrance.class.getName(), "--strategy", "dfs", "--no-shrink",
        "--output-dir", dir.resolve("weft").toString());
    assertEquals(ExitCode.BUG, found.exitCode(), found::toString);
    Matcher m = EXECUTION.matcher(found.out());
    assertTrue(m.find(), found::toString);
    // dfs runs the schedule without preemptions first, which passes and formats first.
    assertTrue(Integer.parseInt(m.group(1)) > 1, found::toString);

    CliRun replayed = weft("replay", found.scheduleFile());
    assertEquals(ExitCode.BUG, replayed.exitCode(), replayed::toString);
    assertEquals(found.trace(), replayed.trace());
  }

  /** A jar of {@code classes}' class files, as a build would package them. */
  private static void jarOf(Path jar, Class<?>... classes) throws IOException, URISyntaxException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (Class<?> c : classes) {
        String name = c.getName().replace('.', '/') + ".class";
        Path root = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        out.putNextEntry(new JarEntry(name));
        out.write(Files.readAllBytes(root.resolve(name)));
        out.closeEntry();
      }
    }
  }
}
