package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.method;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.agent.AgentConfig;
import dev.weft.agent.transform.WeftTransformer;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * Objects the JDK's executors allocate get chosen identity hashes like the program's own: a pool's
 * workers live in a HashSet, whose order is the order shutdownNow interrupts them in.
 */
class JdkAllocationRuleTest {
  private static final WeftTransformer TRANSFORMER =
      new WeftTransformer(new AgentConfig(List.of(), List.of()), module -> {});

  private static byte[] rewrittenPool() throws Exception {
    byte[] original;
    try (InputStream in = ClassLoader.getSystemResourceAsStream(
        "java/util/concurrent/ThreadPoolExecutor.class")) {
      original = in.readAllBytes();
    }
    byte[] rewritten = TRANSFORMER.transform(ThreadPoolExecutor.class.getModule(), null,
        "java/util/concurrent/ThreadPoolExecutor", ThreadPoolExecutor.class, null, original);
    assertNotNull(rewritten);
    return rewritten;
  }

  @Test
  void aNewWorkerIsAnnouncedOnceConstructed() throws Exception {
    List<String> addWorker = listing(method(rewrittenPool(), "addWorker"));
    int constructed =
        addWorker.indexOf("INVOKESPECIAL java/util/concurrent/ThreadPoolExecutor$Worker.<init>");
    assertTrue(constructed >= 0, addWorker::toString);
    assertTrue(addWorker.subList(constructed + 1, constructed + 3)
        .equals(List.of("DUP", "hook:allocated")), addWorker::toString);
  }

  /** Run once per JVM, in whichever execution needs the class first: real hashes there. */
  @Test
  void staticInitializersAllocateWithoutTheHook() throws Exception {
    assertFalse(listing(method(rewrittenPool(), "<clinit>")).contains("hook:allocated"));
  }
}
