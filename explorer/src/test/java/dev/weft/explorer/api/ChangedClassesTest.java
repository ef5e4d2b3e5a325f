package dev.weft.explorer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.schedule.ScheduleException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule file hashes the code its failing execution ran, method by method: replayed against a
 * changed method it is refused, naming the class; against the same code, loaded afresh, it
 * reproduces, also when another method of the class changed. Each version is compiled here into a directory of its own and loaded by its own
 * class loader, so the body's class is the program's and its loader finds the files.
 */
class ChangedClassesTest {
  private static final String PACKAGE = "dev.weft.samples.hashes";
  private static final String RACY = PACKAGE + ".Racy";
  private static final String UNRELATED = "int unrelated() { return 1; }";
  private static final String ORIGINAL = source("int v = value; value = v + 1;");

  /** The lost update: the body is Racy; the counter it races on is a class of its own. */
  private static String source(String increment) {
    return source(increment, UNRELATED);
  }

  /** As above, with {@code unrelated}, one line, as Racy's last member: code no step runs. */
  private static String source(String increment, String unrelated) {
    return "package " + PACKAGE + ";\n"
        + "public final class Racy implements dev.weft.explorer.api.Body {\n"
        + "  public void run() throws Throwable {\n"
        + "    Counter c = new Counter();\n"
        + "    Thread t = new Thread(c::increment);\n"
        + "    t.start();\n"
        + "    c.increment();\n"
        + "    t.join();\n"
        + "    if (c.value != 2) throw new AssertionError(\"lost update\");\n"
        + "  }\n"
        + "  " + unrelated + "\n"
        + "}\n"
        + "final class Counter {\n"
        + "  volatile int value;\n"
        + "  void increment() { " + increment + " }\n"
        + "}\n";
  }

  @Test
  void aChangedClassIsRefusedAndTheSameClassFilesReproduce(@TempDir Path dir) throws Exception {
    Path original = compile(dir.resolve("v1"), ORIGINAL);
    Failure f = foundAndReplayed(original, dir);
    String schedule = f.scheduleFile().toString();
    String json = Files.readString(f.scheduleFile());
    // The methods the trace ran, each by its class: the body's run and the counter's increment.
    assertTrue(json.contains("\"" + RACY + "#run\": \"")
        && json.contains(PACKAGE + ".Counter#increment\": \""), json);

    ReplayResult again = Weft.replay(schedule, load(original));
    assertEquals(ReplayResult.Status.REPRODUCED, again.status(), again.message());

    // Same lines, same steps: only the hash tells this Counter from the recorded one.
    Body changed =
        load(compile(dir.resolve("v2"), source("int v = value; int w = v + 1; value = w;")));
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> Weft.replay(schedule, changed));
    assertEquals("class " + PACKAGE + ".Counter changed since the schedule was recorded; explore"
        + " again to record a new schedule", e.getMessage());

    // The short string carries no hashes: it replays unchecked.
    ReplayResult unchecked = Weft.replay(f.schedule(), changed);
    assertEquals(ReplayResult.Status.REPRODUCED, unchecked.status(), unchecked.message());
  }

  @Test
  void anEditOfCodeTheTraceDidNotRunKeepsTheScheduleValid(@TempDir Path dir) throws Exception {
    Path original = compile(dir.resolve("v1"), ORIGINAL);
    String schedule = foundAndReplayed(original, dir).scheduleFile().toString();
    // Another method, changed, annotated, and one more beside it, on the same line: the class
    // file differs, the code the failing execution ran does not.
    Path edited = compile(dir.resolve("v2"), source("int v = value; value = v + 1;",
        "@Deprecated int unrelated() { return helper() + 2; } int helper() { return 3; }"));
    String racy = PACKAGE.replace('.', '/') + "/Racy.class";
    assertFalse(Arrays.equals(Files.readAllBytes(original.resolve(racy)),
        Files.readAllBytes(edited.resolve(racy))));

    ReplayResult replayed = Weft.replay(schedule, load(edited));
    assertEquals(ReplayResult.Status.REPRODUCED, replayed.status(), replayed.message());
  }

  @Test
  void aMethodTheTraceRanThatChangedInTheTestsOwnClassIsRefused(@TempDir Path dir)
      throws Exception {
    Path original = compile(dir.resolve("v1"), ORIGINAL);
    String schedule = foundAndReplayed(original, dir).scheduleFile().toString();
    // The body's run: the same steps on the same lines, failing with another exception.
    Path edited = compile(dir.resolve("v2"), ORIGINAL.replace("throw new AssertionError(",
        "throw new IllegalStateException("));
    ScheduleException e =
        assertThrows(ScheduleException.class, () -> Weft.replay(schedule, load(edited)));
    assertEquals("class " + RACY + " changed since the schedule was recorded; explore again to"
        + " record a new schedule", e.getMessage());
  }

  @Test
  void aClassThatIsGoneIsNamedAsSuch(@TempDir Path dir) throws Exception {
    Path original = compile(dir.resolve("v1"), ORIGINAL);
    Failure f = foundAndReplayed(original, dir);
    Files.delete(original.resolve(PACKAGE.replace('.', '/')).resolve("Counter.class"));

    ScheduleException e = assertThrows(ScheduleException.class,
        () -> Weft.replay(f.scheduleFile().toString(), load(original)));
    assertEquals("class " + PACKAGE + ".Counter (no longer found) changed since the schedule was"
        + " recorded; explore again to record a new schedule", e.getMessage());
  }

  /** The lost update of {@code classes}, found and replayed; its schedule is under {@code dir}. */
  private static Failure foundAndReplayed(Path classes, Path dir) throws Exception {
    Options options = Options.builder().strategy(StrategyKind.DFS).testName("changed-classes")
        .outputDir(dir.resolve("out")).build();
    return FoundBugs.assertFoundAndReplayed(options, load(classes), "lost update");
  }

  private static Path compile(Path out, String source) throws IOException, URISyntaxException {
    Path file = out.resolve("src/Racy.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    String api = Path.of(Body.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    int status = ToolProvider.getSystemJavaCompiler()
        .run(null, null, null, "-d", out.toString(), "-cp", api, file.toString());
    assertEquals(0, status, "javac failed on " + file);
    return out;
  }

  /** A fresh loader for {@code classes}; its parent supplies Weft's API, the rest is its own. */
  private static Body load(Path classes) throws ReflectiveOperationException,
      MalformedURLException {
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ChangedClassesTest.class.getClassLoader());
    return (Body) loader.loadClass(RACY).getDeclaredConstructor().newInstance();
  }
}
