package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code @InterleavingTest} in a user's Maven build, as docs/junit.md sets it up: a project of its
 * own (src/test/resources/realbuild) with weft-explorer and weft-agent as test dependencies and the
 * agent in Surefire's {@code argLine}, built by a nested {@code mvn test}. The buggy test fails with
 * the replay command; that command, pasted as printed, fails again with the same trace; the correct
 * twin passes; and the dependencies Weft adds to the test class path are its own. The test JVM also
 * has what a user's build often has: JaCoCo's agent, which writes its coverage, Mockito, whose
 * mocks a passing test verifies inside the explored body, and JUnit's parallel execution, under
 * which the explorations take turns. Its JUnit is newer than the one Weft builds on, so the
 * failure's files are published as JUnit file entries too.
 *
 * <p>The nested build runs offline against this build's local repository, where every plugin it
 * uses already is (it pins the versions this build uses). Weft's artifacts of this build are put
 * there first, where {@code mvn install} would put them: {@code mvn verify} packages but does not
 * install, and an older installed snapshot must not be what is tested.
 */
class RealMavenBuildTest {
  private static final Path ROOT = Path.of("..");
  private static final String REPLAY_HEADING = "Replay it, the test unchanged:";
  /** A line of dependency:tree: its indentation, 3 characters for a direct dependency, and what. */
  private static final Pattern TREE_LINE = Pattern.compile("([| ]*[+\\\\]- )([^ ]+)( .*)?");

  @TempDir Path project;

  @Test
  void theReplayCommandAFailingTestPrintsReproducesItWhenPasted() throws Exception {
    String repo = System.getProperty("weft.maven.repo");
    String mavenHome = System.getProperty("weft.maven.home");
    assumeTrue(repo != null && mavenHome != null,
        "run by Maven, which tells the test its local repository and its home");
    String version = System.getProperty("weft.version");
    installWeft(Path.of(repo), version);
    writeProject(repo, version);

    Run build = mvn(mavenHome, "mvn dependency:tree -DoutputFile=dependencies.txt test");
    assertNotEquals(0, build.exitCode(), build.output());
    assertTrue(result(build, "CounterTest").contains("Failures: 1,"), build.output());
    assertTrue(result(build, "AtomicCounterTest").contains("Failures: 0, Errors: 0, Skipped: 0"),
        "the correct twin passes:\n" + build.output());
    assertTrue(result(build, "MockedLedgerTest").contains("Failures: 0, Errors: 0, Skipped: 0"),
        "Mockito's mocks work in explored bodies:\n" + build.output());
    Path coverage = project.resolve("target/jacoco.exec");
    assertTrue(Files.isRegularFile(coverage) && Files.size(coverage) > 0,
        "JaCoCo's agent ran beside Weft's and wrote its coverage:\n" + build.output());
    assertTrue(build.output().contains("Picked up JAVA_TOOL_OPTIONS: -javaagent:"),
        build.output());
    assertTrue(build.output().contains("T0 threw org.opentest4j.AssertionFailedError: lost update"),
        build.output());
    assertPublishedAsFileEntries("CounterTest.twoIncrements");
    String replay = replayCommand(build.output());
    assertTrue(replay.matches("mvn test -Dsurefire\\.failIfNoSpecifiedTests=false"
        + " -Dtest='com\\.acme\\.CounterTest#twoIncrements' -Dweft\\.replay='weft1;[^']+'"), replay);

    Run replayed = mvn(mavenHome, replay);
    assertNotEquals(0, replayed.exitCode(), replayed.output());
    assertTrue(replayed.output().contains("Replayed: Weft found a bug (exception)"),
        replayed.output());
    assertEquals(trace(build.output()), trace(replayed.output()));
    assertTrue(replayed.output().contains("Tests run: 1, Failures: 1"), replayed.output());
    assertTrue(!replayed.output().contains("AtomicCounterTest"),
        "-Dtest selects the failing test alone:\n" + replayed.output());

    assertOnlyWeftOnTheClassPath(Files.readString(project.resolve("dependencies.txt")));
  }

  /**
   * Of what the two Weft dependencies bring, only Weft's own artifacts: the libraries weft-explorer
   * uses are shaded into its jar. Read from {@code mvn dependency:tree}, whose lines under each of
   * the project's dependencies are what that dependency brings; the project declares Weft's before
   * Mockito and JaCoCo, so what Weft brought would be shown under Weft's even where Mockito brings
   * it too (byte-buddy-agent, which Weft once did).
   */
  private static void assertOnlyWeftOnTheClassPath(String tree) {
    List<String> weft = new ArrayList<>();
    String under = null;
    for (String line : tree.lines().skip(1).toList()) {
      Matcher m = TREE_LINE.matcher(line);
      assertTrue(m.matches(), "not a line of dependency:tree: " + line + "\n" + tree);
      String artifact = m.group(2);
      if (m.group(1).length() == 3) {
        under = artifact;
      } else if (under.startsWith("dev.weft:")) {
        assertTrue(artifact.startsWith("dev.weft:"), under + " brings " + artifact + ":\n" + tree);
      }
      if (artifact.startsWith("dev.weft:")) {
        weft.add(String.join(":", List.of(artifact.split(":")).subList(0, 2)));
      }
    }
    assertEquals(List.of("dev.weft:weft-agent", "dev.weft:weft-explorer", "dev.weft:weft-scheduler"),
        weft.stream().sorted().toList(), tree);
  }

  /**
   * The failure's schedule, page and graph as JUnit file entries (the project's JUnit has them):
   * copies in JUnit's report directory, which is under target/ beside a pom.xml by default, the
   * same bytes as the files Weft wrote to target/weft.
   */
  private void assertPublishedAsFileEntries(String test) throws IOException {
    Path weft = project.resolve("target/weft");
    List<Path> published;
    try (Stream<Path> files = Files.walk(project.resolve("target"))) {
      published = files.filter(f -> !f.startsWith(weft)
          && f.getFileName().toString().startsWith(test + ".")).toList();
    }
    for (String extension : List.of(".json", ".html", ".dot")) {
      String name = test + extension;
      List<Path> copies =
          published.stream().filter(f -> f.getFileName().toString().equals(name)).toList();
      assertEquals(1, copies.size(), name + " published once as a file entry: " + published);
      assertEquals(Files.readString(weft.resolve(name)), Files.readString(copies.get(0)), name);
    }
  }

  /** Surefire's line for the test class {@code com.acme.NAME}. */
  private static String result(Run run, String name) {
    Matcher m = Pattern.compile("Tests run: 1, [^\n]* -- in com\\.acme\\." + name + "\n")
        .matcher(run.output());
    assertTrue(m.find(), "no result of " + name + ":\n" + run.output());
    return m.group();
  }

  /** The first replay command under its heading, as the user would copy it. */
  private static String replayCommand(String output) {
    int heading = output.indexOf(REPLAY_HEADING);
    assertTrue(heading >= 0, output);
    return output.substring(heading + REPLAY_HEADING.length()).lines().skip(1).findFirst()
        .orElseThrow().strip();
  }

  /** The first trace table of the output: from its heading row to the blank line after it. */
  private static String trace(String output) {
    Matcher m = Pattern.compile("(?s)\n( step \\|.*?)\n\n").matcher(output);
    assertTrue(m.find(), output);
    return m.group(1);
  }

  private record Run(int exitCode, String output) {}

  /** Runs {@code command} in a shell in the project, as a user would paste it. */
  private Run mvn(String mavenHome, String command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).directory(project.toFile())
        .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("PATH", Path.of(mavenHome, "bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
    env.remove("MAVEN_OPTS"); // the outer build's, which may name its own agent or debugger
    Path log = Files.createTempFile(project, "mvn", ".log");
    Process p = builder.redirectOutput(log.toFile()).start();
    // A hang guard, far above the seconds this takes.
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("hang guard: '" + command + "' did not end in 10 minutes");
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /**
   * The project from the test resources, its versions filled in from this build's pom; its
   * {@code .mvn/maven.config} makes every {@code mvn} in it offline, in batch mode, on {@code
   * repo}.
   */
  private void writeProject(String repo, String version) throws Exception {
    Path template = Path.of("target/test-classes/realbuild");
    try (Stream<Path> files = Files.walk(template)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = project.resolve(template.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    Document parent = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ROOT.resolve("pom.xml").toFile());
    String pom = Files.readString(project.resolve("pom.xml"))
        .replace("@weft.version@", version)
        .replace("@junit.version@", System.getProperty("weft.realbuild.junit"))
        .replace("@bytebuddy.version@", property(parent, "bytebuddy.version"))
        .replace("@mockito.version@", dependencyVersion("explorer/pom.xml", "mockito-core"))
        .replace("@jacoco.version@", dependencyVersion("cli/pom.xml", "org.jacoco.agent"));
    for (String plugin : List.of("resources", "compiler", "dependency", "surefire")) {
      pom = pom.replace("@" + plugin + ".version@", pluginVersion(parent, plugin));
    }
    Files.writeString(project.resolve("pom.xml"), pom);
    Files.createDirectories(project.resolve(".mvn"));
    Files.writeString(project.resolve(".mvn/maven.config"), "-B -o -Dmaven.repo.local=" + repo);
  }

  /** The version a module of this build uses of {@code artifactId}, the same in the local repository. */
  private static String dependencyVersion(String modulePom, String artifactId) throws Exception {
    NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(ROOT.resolve(modulePom).toFile()).getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      if (text(d, "artifactId").equals(artifactId)) return text(d, "version");
    }
    throw new AssertionError(modulePom + " has no " + artifactId);
  }

  private static String property(Document pom, String name) {
    return pom.getElementsByTagName(name).item(0).getTextContent().strip();
  }

  private static String pluginVersion(Document pom, String plugin) {
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element p = (Element) plugins.item(i);
      if (text(p, "artifactId").equals("maven-" + plugin + "-plugin")) return text(p, "version");
    }
    throw new AssertionError("the parent pom pins no maven-" + plugin + "-plugin");
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
  }

  /** Weft's artifacts of this build, where {@code mvn install} puts them in {@code repo}. */
  private static void installWeft(Path repo, String version) throws IOException {
    install(repo, "weft-parent", version, ROOT.resolve("pom.xml"), null);
    install(repo, "weft-scheduler", version, ROOT.resolve("scheduler/pom.xml"),
        ROOT.resolve("scheduler/target/weft-scheduler-" + version + ".jar"));
    install(repo, "weft-agent", version, ROOT.resolve("agent/pom.xml"),
        ROOT.resolve("agent/target/weft-agent.jar"));
    install(repo, "weft-explorer", version,
        ROOT.resolve("explorer/target/dependency-reduced-pom.xml"),
        ROOT.resolve("explorer/target/weft-explorer-" + version + ".jar"));
  }

  private static void install(Path repo, String artifact, String version, Path pom, Path jar)
      throws IOException {
    Path dir = repo.resolve("dev/weft").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    copy(pom, dir.resolve(artifact + "-" + version + ".pom"));
    if (jar != null) copy(jar, dir.resolve(artifact + "-" + version + ".jar"));
  }

  private static void copy(Path from, Path to) throws IOException {
    assertTrue(Files.isRegularFile(from), from + " is written when its module is packaged");
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
