package dev.weft.explorer.attach;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;

/**
 * Makes sure Weft's agent is loaded before any scheduler class is: the scheduler must come from
 * the bootstrap class path, where instrumented code (including the JDK's) finds it.
 *
 * <p>Touches no scheduler type itself, so calling it cannot load the scheduler too early. When the
 * agent was not given with {@code -javaagent}, it attaches it at run time (Byte Buddy's attach),
 * finding the jar from {@code -Dweft.agent.jar=...} or on the class path; otherwise it fails with the
 * argLine to add.
 */
public final class AgentInstaller {
  private static final String INSTALLED = "weft.agent.installed";
  private static final String RACES = "weft.agent.races";
  private static final String AGENT_CLASS = "dev/weft/agent/WeftAgent.class";

  private AgentInstaller() {}

  /**
   * @param races the plain-access instrumentation of race detection is needed: an agent loaded
   *     without it is refused (attaching always asks for it)
   */
  public static synchronized void ensureInstalled(boolean races) {
    if (Boolean.getBoolean(INSTALLED)) {
      if (races && !Boolean.getBoolean(RACES)) {
        throw new IllegalStateException("Race detection needs Weft's agent to instrument plain"
            + " field and array accesses too, and this JVM's agent was started without that. Add"
            + " the races option to the agent, -javaagent:/path/to/weft-agent.jar=races (or set"
            + " -Dweft.races=true), and run again.");
      }
      return;
    }
    File jar = locateAgentJar();
    if (jar == null) {
      throw new IllegalStateException(
          "Weft's agent is not loaded and its jar was not found on the class path. Add"
              + " -javaagent:/path/to/weft-agent.jar to the test JVM (for Maven Surefire:"
              + " <argLine>-javaagent:${dev.weft:weft-agent:jar}</argLine> with the"
              + " maven-dependency-plugin 'properties' goal), or add dev.weft:weft-agent as a test"
              + " dependency, or set -Dweft.agent.jar=/path/to/weft-agent.jar.");
    }
    try {
      // Always with plain accesses instrumented: every strategy schedules the ones found racing.
      net.bytebuddy.agent.ByteBuddyAgent.attach(
          jar, String.valueOf(ProcessHandle.current().pid()), "races");
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Weft's agent is not loaded and attaching it at run time failed (" + e.getMessage()
              + "). Add -javaagent:" + jar + " to the test JVM's arguments (Surefire: <argLine>).",
          e);
    }
    if (!Boolean.getBoolean(INSTALLED)) {
      throw new IllegalStateException("Weft's agent was attached from " + jar
          + " but did not start; add -javaagent:" + jar + " to the test JVM instead.");
    }
  }

  private static File locateAgentJar() {
    String explicit = System.getProperty("weft.agent.jar");
    if (explicit != null && !explicit.isBlank()) return new File(explicit);
    URL url = ClassLoader.getSystemResource(AGENT_CLASS);
    if (url == null || !"jar".equals(url.getProtocol())) return null;
    String path = url.getPath(); // file:/.../weft-agent.jar!/dev/weft/agent/WeftAgent.class
    try {
      return Path.of(new java.net.URI(path.substring(0, path.indexOf("!/")))).toFile();
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
