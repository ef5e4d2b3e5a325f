package dev.weft.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.cli.ExitCode;
import dev.weft.cli.WeftCli;
import dev.weft.explorer.explore.WeftVersion;
import dev.weft.samples.cli.LostUpdate;
import dev.weft.samples.cli.PrintsProperty;
import dev.weft.samples.cli.Programs;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code weft} script of the build output, run as a user runs it: beside it, a weft.jar whose
 * manifest starts {@link WeftCli} on this test's class path (the shaded jar is made after the
 * tests, in {@code package}).
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherScriptTest {
  /** Where the build put the script: target/weft, beside target/test-classes. */
  private static final Path BUILT = Path.of(Programs.samplesClassPath()).resolveSibling("weft");

  @TempDir Path dir;
  private Path script;

  @BeforeEach
  void installBesideAJar() throws IOException {
    assertTrue(Files.isExecutable(BUILT), BUILT + " is missing or not executable");
    script = Files.copy(BUILT, dir.resolve("weft"));
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(Attributes.Name.MAIN_CLASS, WeftCli.class.getName());
    StringBuilder classPath = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
    }
    main.put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
    try (OutputStream out = Files.newOutputStream(dir.resolve("weft.jar"))) {
      new JarOutputStream(out, manifest).close();
    }
  }

  @Test
  void runsTheJarBesideItAndNamesItselfInTheReplayCommand() throws Exception {
    Result version = launch(Map.of(), "--version");
    assertEquals(0, version.code(), version::toString);
    assertEquals("weft " + WeftVersion.get() + "\n", version.out(), version::toString);

    Result bug = launch(Map.of(), "run", "--classpath", Programs.samplesClassPath(),
        "--main", LostUpdate.class.getName(), "--output-dir", dir.resolve("out").toString());
    assertEquals(ExitCode.BUG, bug.code(), bug::toString);
    assertTrue(bug.out().contains("\n  " + script + " replay " + dir.resolve("out")), bug::toString);
  }

  @Test
  void passesJavaOptsToItsJvm() throws Exception {
    Result r = launch(Map.of("JAVA_OPTS", "-Dweft.agent.jar=/no/such/agent.jar"), "run",
        "--classpath", Programs.samplesClassPath(), "--main", LostUpdate.class.getName());
    assertEquals(ExitCode.INTERNAL, r.code(), r::toString);
    assertTrue(r.err().contains("-Dweft.agent.jar=/no/such/agent.jar names no file"),
        r::toString);
  }

  @Test
  void tellsWeftWhetherStderrIsATerminalForTheProgressLine() throws Exception {
    String[] run = {"run", "--classpath", Programs.samplesClassPath(),
        "--main", PrintsProperty.class.getName(), "--strategy", "dfs", "--show-output",
        "--", "weft.progressInPlace"};
    Result piped = launch(Map.of(), run);
    assertTrue(piped.out().contains("weft.progressInPlace=null\n"), piped::toString);

    // util-linux script(1) runs the command on a pseudo-terminal: stderr is a terminal there.
    Path pty = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(pty), "no script(1) to make a terminal with");
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(run));
    Result terminal = launch(List.of(pty.toString(), "-qec", String.join(" ", command),
        "/dev/null"), Map.of());
    assertTrue(terminal.out().contains("weft.progressInPlace=true"), terminal::toString);
  }

  private record Result(int code, String out, String err) {}

  private Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    return launch(command, env);
  }

  private Result launch(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = builder.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "hang guard");
    Charset cs = Charset.defaultCharset();
    return new Result(p.exitValue(), Files.readString(out, cs), Files.readString(err, cs));
  }
}
