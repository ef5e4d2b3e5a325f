package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Expect;
import dev.weft.testbench.corpus.Program;
import dev.weft.testbench.programs.LostUpdate;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry itself: complete, well declared, and run with assertions on. */
class CorpusTest {

  @Test
  void everyProgramOfThePackageIsRegistered() throws IOException, URISyntaxException {
    String pkg = LostUpdate.class.getPackageName();
    Path dir = Path.of(LostUpdate.class.getResource(LostUpdate.class.getSimpleName() + ".class")
        .toURI()).getParent();
    Set<String> withMain = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String file = f.getFileName().toString();
        if (!file.endsWith(".class") || file.contains("$")) continue;
        String name = pkg + "." + file.substring(0, file.length() - ".class".length());
        if (hasMain(name)) withMain.add(name);
      }
    }
    Set<String> registered = Corpus.registered().stream()
        .map(p -> p.type().getName()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(withMain, registered, "register every program in Corpus, or it is never tested");
  }

  private static boolean hasMain(String className) {
    try {
      Method main = Class.forName(className, false, CorpusTest.class.getClassLoader())
          .getDeclaredMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers());
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  @Test
  void theCorpusCoversAtLeastFortyPrograms() {
    assertTrue(Corpus.programs().size() >= 40, Corpus.programs().size() + " programs");
    for (FailureKind kind : new FailureKind[] {
        FailureKind.EXCEPTION, FailureKind.DEADLOCK, FailureKind.LIVELOCK}) {
      assertTrue(Corpus.buggy().stream().anyMatch(p -> p.expectedFailure().get() == kind),
          "no program declares a " + kind);
    }
  }

  @Test
  void theCorpusHasBothVerdicts() {
    assertFalse(Corpus.buggy().isEmpty());
    assertFalse(Corpus.correct().isEmpty());
    assertEquals(Corpus.programs().size(), Corpus.buggy().size() + Corpus.correct().size());
  }

  @Test
  void assertionsAreOnForEveryProgram() {
    // A correct program whose asserts are off would pass vacuously; -ea is in the surefire argLine.
    for (Program p : Corpus.registered()) {
      assertTrue(p.type().desiredAssertionStatus(), p.name() + " runs without -ea");
    }
  }

  @Test
  void aProgramWithoutAVerdictIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Program.of(NoVerdict.class));
    assertTrue(e.getMessage().contains("@Expect"), e.getMessage());
  }

  @Test
  void aBugWithoutAKindIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Program.of(BugWithoutKind.class));
  }

  @Test
  void aCorrectProgramWithAKindIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Program.of(CorrectWithKind.class));
  }

  @Test
  void aCorrectProgramCannotBeHiddenOrHaveItsOwnBudget() {
    assertThrows(IllegalArgumentException.class, () -> Program.of(HiddenCorrect.class));
    assertThrows(IllegalArgumentException.class, () -> Program.of(CorrectWithBudget.class));
  }

  @Test
  void perProgramSettingsAreReadAsIs() {
    Program p = Program.of(TunedLivelock.class);
    assertEquals(5_000, p.executions().getAsInt());
    assertEquals(300, p.maxSteps().getAsInt());
    assertTrue(p.hiddenUnderStress());
    Program plain = Program.of(DeclaredDeadlock.class);
    assertTrue(plain.executions().isEmpty() && plain.maxSteps().isEmpty());
    assertFalse(plain.hiddenUnderStress());
  }

  @Test
  void aProgramForALaterJdkStaysRegisteredButIsNotExplored() {
    Program later = Program.of(ForALaterJdk.class);
    assertEquals(1_000, later.jdk());
    assertFalse(later.runsHere());
    assertTrue(Program.of(DeclaredDeadlock.class).runsHere(), "0: every JDK");
    assertThrows(IllegalArgumentException.class, () -> Program.of(NegativeJdk.class));
    for (Program p : Corpus.registered()) {
      assertEquals(p.runsHere(), Corpus.programs().contains(p), p.name());
    }
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> Corpus.named("NoSuchProgram"));
    assertTrue(unknown.getMessage().startsWith("no corpus program named NoSuchProgram"),
        unknown.getMessage());
  }

  @Test
  void programsOnVirtualThreadsNeedJdk24() {
    Program virtual = Corpus.registered().stream()
        .filter(p -> p.name().equals("VirtualLostUpdate")).findFirst().orElseThrow();
    assertEquals(24, virtual.jdk());
    if (Runtime.version().feature() < 24) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Corpus.named("VirtualLostUpdate"));
      assertEquals("VirtualLostUpdate needs JDK 24 or later; this is JDK "
          + Runtime.version().feature(), e.getMessage());
    } else {
      assertEquals(virtual, Corpus.named("VirtualLostUpdate"));
    }
  }

  @Test
  void aDeclaredVerdictIsReadAsIs() {
    Program p = Program.of(DeclaredDeadlock.class);
    assertTrue(p.buggy());
    assertEquals(FailureKind.DEADLOCK, p.expectedFailure().orElseThrow());
  }

  public static final class NoVerdict {
    public static void main(String[] args) {}
  }

  @Expect(bug = true)
  public static final class BugWithoutKind {
    public static void main(String[] args) {}
  }

  @Expect(bug = false, kind = FailureKind.EXCEPTION)
  public static final class CorrectWithKind {
    public static void main(String[] args) {}
  }

  @Expect(bug = true, kind = FailureKind.DEADLOCK)
  public static final class DeclaredDeadlock {
    public static void main(String[] args) {}
  }

  @Expect(bug = false, hiddenUnderStress = true)
  public static final class HiddenCorrect {
    public static void main(String[] args) {}
  }

  @Expect(bug = false, executions = 5_000)
  public static final class CorrectWithBudget {
    public static void main(String[] args) {}
  }

  @Expect(bug = false, jdk = 1_000)
  public static final class ForALaterJdk {
    public static void main(String[] args) {}
  }

  @Expect(bug = false, jdk = -1)
  public static final class NegativeJdk {
    public static void main(String[] args) {}
  }

  @Expect(bug = true, kind = FailureKind.LIVELOCK, executions = 5_000, maxSteps = 300,
      hiddenUnderStress = true)
  public static final class TunedLivelock {
    public static void main(String[] args) {}
  }
}
