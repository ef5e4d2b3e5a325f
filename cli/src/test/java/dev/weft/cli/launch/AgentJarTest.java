package dev.weft.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

class AgentJarTest {
  @Test
  void theEmbeddedAgentIsExtractedAsAnAgentJar() throws IOException {
    try (JarFile jar = new JarFile(AgentJar.extracted().toFile())) {
      assertEquals("dev.weft.agent.WeftAgent",
          jar.getManifest().getMainAttributes().getValue("Premain-Class"));
    }
  }

  @Test
  void aMissingExplicitAgentJarSaysWhatToDo() {
    String previous = System.getProperty(AgentJar.PROPERTY);
    System.setProperty(AgentJar.PROPERTY, "no/such/weft-agent.jar");
    try {
      LaunchException e = assertThrows(LaunchException.class, AgentJar::path);
      assertEquals("-Dweft.agent.jar=no/such/weft-agent.jar names no file; point it at"
          + " weft-agent.jar or leave it out to use the embedded agent", e.getMessage());
    } finally {
      if (previous == null) System.clearProperty(AgentJar.PROPERTY);
      else System.setProperty(AgentJar.PROPERTY, previous);
    }
  }
}
