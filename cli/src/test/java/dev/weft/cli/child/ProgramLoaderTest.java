package dev.weft.cli.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.cli.WeftCli;
import dev.weft.explorer.api.Body;
import dev.weft.samples.cli.FreshStatics;
import dev.weft.samples.cli.Programs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program loader on its own, in this JVM and without the agent: plain runs of main. */
class ProgramLoaderTest {
  private static final String SAMPLES = Programs.samplesClassPath();

  @TempDir Path dir;

  @Test
  void eachLoaderDefinesTheProgramAfresh() throws Exception {
    ProgramClassPath path = new ProgramClassPath(SAMPLES);
    Class<?> first = new ProgramLoader(path).loadClass(FreshStatics.class.getName());
    Class<?> second = new ProgramLoader(path).loadClass(FreshStatics.class.getName());
    assertNotSame(first, second);
    assertNotSame(FreshStatics.class, first);
  }

  @Test
  void everyRunOfTheBodySeesFreshStaticState() throws Throwable {
    Body body =
        ProgramLoader.mainBody(SAMPLES, FreshStatics.class.getName(), List.of(), () -> {});
    body.run();
    body.run(); // FreshStatics' assert fails if its class is reused
  }

  @Test
  void classFilesAreReadOnceAndKept() throws Throwable {
    String name = FreshStatics.class.getName();
    Path classFile = dir.resolve(name.replace('.', '/') + ".class");
    Files.createDirectories(classFile.getParent());
    Files.copy(Path.of(SAMPLES, name.replace('.', '/') + ".class"), classFile);
    Body body = ProgramLoader.mainBody(dir.toString(), name, List.of(), () -> {});
    body.run();
    Files.delete(classFile);
    body.run(); // defined again from the kept bytes
  }

  @Test
  void theProgramSeesTheJdkButNotWeft() throws IOException {
    ProgramLoader loader = new ProgramLoader(new ProgramClassPath(SAMPLES));
    assertThrows(ClassNotFoundException.class, () -> loader.loadClass(WeftCli.class.getName()));
    assertNotNull(loader.getResource(FreshStatics.class.getName().replace('.', '/') + ".class"));
  }

  @Test
  void assertionsAreOnAndMainsThrowableEscapesUnwrapped() {
    String classpath = Programs.compile(dir, "acme.Asserts", Programs.source(
        "package acme;",
        "class Asserts {", // package-private, as java allows
        "  public static void main(String[] args) { assert false : \"checked\"; }",
        "}"));
    Body body = ProgramLoader.mainBody(classpath, "acme.Asserts", List.of(), () -> {});
    AssertionError e = assertThrows(AssertionError.class, body::run);
    assertEquals("checked", e.getMessage());
  }
}
