package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged agent jar (run in the integration-test phase, after shading), in child JVMs of the
 * JDK running the build: the parent pom's weft.test.jvm picks it, so CI covers 17 and 25.
 */
class AgentJarIT {
  /** Only a hang guard: a child JVM here ends in seconds, however busy the machine. */
  private static final long HANG_GUARD_MINUTES = 5;
  private static final String JAR =
      Path.of(System.getProperty("weft.agent.jar", "target/weft-agent.jar"))
          .toAbsolutePath()
          .toString();
  private static final String CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();
  private static final String SAMPLES = "dev.weft.samples.agent.";

  @Test
  void jarCarriesTheSchedulerAndRelocatedAsm() throws IOException {
    try (JarFile jar = new JarFile(JAR)) {
      assertNotNull(jar.getEntry("weft-scheduler.jar"));
      assertNotNull(jar.getEntry("dev/weft/agent/shaded/asm/ClassReader.class"));
      assertNotNull(jar.getEntry("dev/weft/agent/shaded/asm/tree/MethodNode.class"));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("org/objectweb/")));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("dev/weft/scheduler/")));
      Attributes manifest = jar.getManifest().getMainAttributes();
      assertEquals("dev.weft.agent.WeftAgent", manifest.getValue("Premain-Class"));
      assertEquals("dev.weft.agent.WeftAgent", manifest.getValue("Agent-Class"));
      assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
      assertEquals("true", manifest.getValue("Can-Redefine-Classes"));
    }
  }

  @Test
  void premainLeavesProgramsUnchanged() throws Exception {
    String out = run(List.of("-javaagent:" + JAR), SAMPLES + "AgentSmoke");
    assertTrue(out.startsWith("exit 0") && out.contains("AGENT SMOKE OK"), out);
  }

  @Test
  void agentIsInstalledOnceWhenGivenTwice() throws Exception {
    String out = run(List.of("-javaagent:" + JAR, "-javaagent:" + JAR), SAMPLES + "AgentSmoke");
    assertTrue(out.startsWith("exit 0") && out.contains("AGENT SMOKE OK"), out);
  }

  @Test
  void agentmainRetransformsLoadedClasses() throws Exception {
    String out =
        run(List.of("-Djdk.attach.allowAttachSelf=true"), SAMPLES + "AgentAttachSmoke", JAR);
    assertTrue(out.startsWith("exit 0") && out.contains("AGENT ATTACH OK"), out);
  }

  @Test
  void rewrittenMonitorCodeStillCompiles() throws Exception {
    String out = run(List.of("-javaagent:" + JAR, "-XX:+PrintCompilation"), SAMPLES + "JitSample");
    assertTrue(out.contains("JIT SAMPLE 4000000"), out);
    for (String method : new String[] {"JitSample::block", "JitSample::method"}) {
      assertTrue(out.lines().anyMatch(l -> l.contains(method)), method + " never compiled");
      assertTrue(out.lines().noneMatch(l -> l.contains(method) && l.contains("COMPILE SKIPPED")),
          method + " was refused by the JIT:\n" + out.lines()
              .filter(l -> l.contains(method)).reduce("", (a, b) -> a + b + "\n"));
    }
  }

  @Test
  void excludedClassesAreNotRewritten() throws Exception {
    String out =
        run(List.of("-javaagent:" + JAR + "=exclude=dev.weft.samples"), SAMPLES + "AgentSmoke");
    assertTrue(out.contains("FAILED: synchronized methods rewritten"), out);
  }

  private static String run(List<String> jvmOptions, String mainClass, String... args)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", CLASSES, mainClass));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("hang guard: the child JVM did not end in " + HANG_GUARD_MINUTES
          + " minutes: " + command);
    }
    return "exit " + process.exitValue() + "\n" + out;
  }
}
