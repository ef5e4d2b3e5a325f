package dev.weft.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.AgentConfig;
import dev.weft.agent.testing.Bytecode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;

class WeftTransformerTest {
  private static final String COUNTER = "dev/weft/samples/agent/SyncCounter";
  private final WeftTransformer transformer =
      new WeftTransformer(new AgentConfig(List.of(), List.of()), module -> {});

  private static byte[] classFile(String internalName) throws Exception {
    try (InputStream in =
        WeftTransformerTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
      return in.readAllBytes();
    }
  }

  private static ClassLoader freshLoader() {
    return new URLClassLoader(new URL[0], WeftTransformerTest.class.getClassLoader());
  }

  private byte[] transform(ClassLoader loader, String name, Class<?> redefined, byte[] bytes) {
    return transformer.transform(null, loader, name, redefined, null, bytes);
  }

  @Test
  void sameBytesInFreshLoadersAreRewrittenOnce() throws Exception {
    byte[] original = classFile(COUNTER);
    byte[] first = transform(freshLoader(), COUNTER, null, original);
    byte[] second = transform(freshLoader(), COUNTER, null, original.clone());
    assertNotNull(first);
    assertSame(first, second, "cached: same bytes, same site indices");
  }

  @Test
  void changedBytesAreRewrittenAgain() throws Exception {
    byte[] original = classFile(COUNTER);
    byte[] changed = original.clone();
    changed[7]--; // an older major version: another content of the same length
    byte[] first = transform(freshLoader(), COUNTER, null, original);
    byte[] second = transform(freshLoader(), COUNTER, null, changed);
    assertNotSame(first, second);
    assertEquals(original[7] - 1, second[7]);
  }

  @Test
  void weftJdkAndBootstrapOrPlatformClassesAreSkipped() throws Exception {
    byte[] bytes = classFile(COUNTER);
    ClassLoader app = freshLoader();
    assertNull(transform(app, null, null, bytes));
    assertNull(transform(app, "dev/weft/agent/Anything", null, bytes));
    assertNull(transform(app, "dev/weft/scheduler/Anything", null, bytes));
    assertNull(transform(app, "java/util/Anything", null, bytes));
    assertNull(transform(null, COUNTER, null, bytes));
    assertNull(transform(ClassLoader.getPlatformClassLoader(), COUNTER, null, bytes));
    assertNotNull(transform(app, "dev/weft/testbench/Anything", null, bytes));
  }

  @Test
  void retransformKeepsSynchronizedMethodsAndReportsThem() throws Exception {
    // any non-hidden class marks the call as a retransformation
    byte[] rewritten = transform(freshLoader(), COUNTER, Object.class, classFile(COUNTER));
    var increment = Bytecode.method(rewritten, "increment");
    assertEquals(Opcodes.ACC_SYNCHRONIZED, increment.access & Opcodes.ACC_SYNCHRONIZED);
    assertEquals(0, Bytecode.count(increment, "hook:monitorEnter"));
    // blocks are still rewritten
    assertEquals(
        1, Bytecode.count(Bytecode.method(rewritten, "incrementInBlock"), "hook:monitorEnter"));
    String reported = System.getProperty(PartiallyControlled.PROPERTY, "");
    assertTrue(
        List.of(reported.split(",")).contains("dev.weft.samples.agent.SyncCounter"), reported);
  }

  @Test
  void unreadableClassIsLeftAloneWithOneLine() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true));
    try {
      assertNull(transform(freshLoader(), "com/acme/Broken", null, new byte[] {1, 2, 3}));
    } finally {
      System.setErr(err);
    }
    String line = captured.toString();
    assertTrue(line.startsWith("[weft-agent] left com.acme.Broken uninstrumented: "), line);
    assertEquals(1, line.lines().count(), line);
  }
}
