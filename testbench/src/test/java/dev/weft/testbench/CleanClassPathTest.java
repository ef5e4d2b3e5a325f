package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What {@code weft-explorer} adds to a user's test class path: its own jar and the scheduler's,
 * nothing else. Checked on the built artifacts: the pom Maven installs lists no other runtime
 * dependency, the jar holds no class outside {@code dev.weft}, and that jar alone (with the
 * scheduler's) attaches the agent, explores and replays.
 */
class CleanClassPathTest {
  private static final Path EXPLORER = Path.of("../explorer/target");
  private static final Path SCHEDULER = Path.of("../scheduler/target");

  @TempDir Path dir;

  @Test
  void theInstalledPomListsOnlyWeftsOwnArtifacts() throws Exception {
    Path pom = EXPLORER.resolve("dependency-reduced-pom.xml");
    assertTrue(Files.isRegularFile(pom), pom + " is written when the explorer is packaged");
    NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(pom.toFile()).getElementsByTagName("dependency");
    List<String> runtime = new ArrayList<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element d = (Element) dependencies.item(i);
      String scope = text(d, "scope");
      if (scope == null || scope.equals("compile") || scope.equals("runtime")) {
        runtime.add(text(d, "groupId") + ":" + text(d, "artifactId"));
      }
    }
    assertEquals(List.of("dev.weft:weft-scheduler"), runtime);
  }

  @Test
  void theJarHoldsNoClassOutsideWeftsPackages() throws IOException {
    try (JarFile jar = new JarFile(jar(EXPLORER, "weft-explorer-").toFile())) {
      List<String> foreign = jar.stream().map(e -> e.getName())
          .filter(n -> n.endsWith(".class") && !n.startsWith("dev/weft/"))
          .toList();
      assertEquals(List.of(), foreign);
    }
  }

  @Test
  void theJarAloneAttachesTheAgentFindsABugAndReplaysIt() throws Exception {
    String classpath = String.join(File.pathSeparator, jar(EXPLORER, "weft-explorer-").toString(),
        jar(SCHEDULER, "weft-scheduler-").toString(), "target/classes", "target/test-classes");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xshare:off", "-ea", "-Dweft.agent.jar=" + agentJar(), "-cp", classpath,
        ShadedAttachProbe.class.getName(), dir.toString());
    Path log = dir.resolve("probe.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
    // A hang guard, far above the few seconds this takes.
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("hang guard: the probe did not end in 10 minutes");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("bug found") && output.contains("REPRODUCED"), output);
  }

  /** The module's main jar: not the shade plugin's original, nor sources or tests. */
  private static Path jar(Path target, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files.filter(f -> {
        String n = f.getFileName().toString();
        return n.startsWith(prefix) && n.endsWith(".jar") && !n.endsWith("-sources.jar")
            && !n.endsWith("-tests.jar");
      }).findFirst().orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in " + target
          + ": package the module first"));
    }
  }

  /** This JVM's agent, as Surefire gave it: the probe attaches the same jar. */
  private static String agentJar() {
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-javaagent:")) {
        String jar = arg.substring("-javaagent:".length());
        return jar.contains("=") ? jar.substring(0, jar.indexOf('=')) : jar;
      }
    }
    throw new AssertionError("the testbench's tests run with Weft's agent");
  }

  private static String text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }
}
