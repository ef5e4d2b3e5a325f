package dev.weft.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  private static Properties properties(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) p.setProperty(keyValues[i], keyValues[i + 1]);
    return p;
  }

  @Test
  void agentArgumentsAreParsed() {
    AgentConfig config =
        AgentConfig.from("include=com.acme, org.foo ;exclude=com.acme.gen", new Properties());
    assertEquals(List.of("com/acme", "org/foo"), config.include());
    assertEquals(List.of("com/acme/gen"), config.exclude());
    assertTrue(config.instruments("com/acme/Service"));
    assertTrue(config.instruments("org/foo/bar/Baz$Inner"));
    assertFalse(config.instruments("com/acme/gen/Generated"));
    assertFalse(config.instruments("net/other/Thing"));
  }

  @Test
  void raceInstrumentationIsOffUnlessAskedFor() {
    assertFalse(AgentConfig.from(null, new Properties()).races());
    assertFalse(AgentConfig.from("include=com.acme", new Properties()).races());
    assertTrue(AgentConfig.from("races", new Properties()).races());
    assertTrue(AgentConfig.from("include=com.acme;races", new Properties()).races());
    assertFalse(AgentConfig.from("races=false", properties("weft.races", "true")).races());
    assertTrue(AgentConfig.from(null, properties("weft.races", "true")).races());
  }

  @Test
  void systemPropertiesApplyPerKeyUnlessAgentArgumentsSetIt() {
    Properties props = properties("weft.include", "com.acme", "weft.exclude", "com.acme.slow");
    AgentConfig fromProperties = AgentConfig.from(null, props);
    assertFalse(fromProperties.instruments("com/acme/slow/X"));
    assertFalse(fromProperties.instruments("org/foo/X"));
    AgentConfig overridden = AgentConfig.from("include=org.foo", props);
    assertTrue(overridden.instruments("org/foo/X"));
    assertFalse(overridden.instruments("com/acme/X"));
    assertEquals(List.of("com/acme/slow"), overridden.exclude());
  }

  @Test
  void prefixesEndOnSegmentBoundaries() {
    AgentConfig config = AgentConfig.from("include=com.acme", new Properties());
    assertTrue(config.instruments("com/acme"));
    assertTrue(config.instruments("com/acme$Nested"));
    assertFalse(config.instruments("com/acmex/Foo"));
    AgentConfig trailingDot = AgentConfig.from("include=com.acme.", new Properties());
    assertTrue(trailingDot.instruments("com/acme/Foo"));
  }

  @Test
  void everythingByDefaultButWeftItselfAndTheJdkAndTooling() {
    AgentConfig config = AgentConfig.from("", new Properties());
    assertTrue(config.instruments("com/acme/Foo"));
    assertTrue(config.instruments("Toplevel"));
    assertTrue(config.instruments("dev/weft/testbench/Corpus"));
    assertTrue(config.instruments("dev/weft/samples/Counter"));
    assertTrue(config.instruments("dev/weft/schedulers/NotOurs"));
    for (String never :
        List.of(
            "dev/weft/scheduler/hooks/WeftHooks",
            "dev/weft/agent/WeftAgent",
            "dev/weft/explorer/Explorer",
            "dev/weft/cli/Main",
            "java/util/List",
            "javax/swing/JFrame",
            "jdk/internal/misc/Unsafe",
            "sun/misc/Unsafe",
            "com/sun/tools/Foo",
            "org/junit/jupiter/api/Test",
            "junit/framework/TestCase",
            "org/opentest4j/AssertionFailedError",
            "org/apiguardian/api/API",
            "org/apache/maven/surefire/Booter",
            "picocli/CommandLine",
            "com/google/gson/Gson",
            "net/bytebuddy/ByteBuddy",
            "org/jgrapht/Graph",
            "org/objectweb/asm/ClassReader",
            "kotlin/Unit",
            "org/jetbrains/annotations/NotNull")) {
      assertFalse(config.instruments(never), never);
    }
  }

  @Test
  void neverListWinsOverInclude() {
    AgentConfig config = AgentConfig.from("include=dev.weft,java.util", new Properties());
    assertFalse(config.instruments("dev/weft/agent/WeftAgent"));
    assertFalse(config.instruments("java/util/ArrayList"));
    assertTrue(config.instruments("dev/weft/testbench/Corpus"));
  }
}
