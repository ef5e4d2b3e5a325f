package dev.weft.cli.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the agent jar for the child JVM's {@code -javaagent} is: {@code -Dweft.agent.jar=PATH} when
 * set, else the copy embedded in weft.jar as {@value #RESOURCE} (put there at build time by the
 * maven-dependency-plugin), extracted once per JVM to a temporary file deleted on exit.
 */
final class AgentJar {
  static final String PROPERTY = "weft.agent.jar";
  static final String RESOURCE = "dev/weft/cli/weft-agent.jar";

  /** The extracted copy; guarded by the class lock. */
  private static Path extracted;

  private AgentJar() {}

  static Path path() {
    String explicit = System.getProperty(PROPERTY);
    if (explicit == null || explicit.isBlank()) return extracted();
    Path jar = Path.of(explicit);
    if (!Files.isRegularFile(jar)) {
      throw new LaunchException("-D" + PROPERTY + "=" + explicit
          + " names no file; point it at weft-agent.jar or leave it out to use the embedded agent",
          null);
    }
    return jar;
  }

  static synchronized Path extracted() {
    if (extracted == null) extracted = extract();
    return extracted;
  }

  private static Path extract() {
    try (InputStream in = AgentJar.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new LaunchException("this build of weft has no embedded agent (" + RESOURCE
            + "); rebuild the cli module after the agent, or set -D" + PROPERTY
            + "=/path/to/weft-agent.jar", null);
      }
      Path jar = Files.createTempFile("weft-agent-", ".jar");
      jar.toFile().deleteOnExit();
      Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
      return jar;
    } catch (IOException e) {
      throw new LaunchException("cannot extract the embedded agent to a temporary file ("
          + e.getMessage() + "); free space in java.io.tmpdir or set -D" + PROPERTY
          + "=/path/to/weft-agent.jar", e);
    }
  }
}
