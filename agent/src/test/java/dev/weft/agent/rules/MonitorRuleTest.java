package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.assertSequence;
import static dev.weft.agent.testing.Bytecode.lineOf;
import static dev.weft.agent.testing.Bytecode.method;
import static dev.weft.agent.testing.Bytecode.sites;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.agent.testing.InstrumentingLoader;
import dev.weft.scheduler.trace.Site;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

class MonitorRuleTest {
  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void blockGetsHooksAroundTheRealMonitor() {
    MethodNode block = method(loader.rewritten("SyncCounter"), "incrementInBlock");
    assertSequence(block, 1, "DUP", "PUSH", "hook:monitorEnter", "MONITORENTER");
    // the normal exit and javac's handler
    // javac's exits: the hook comes after the real exit, reloading the lock, past the ranges.
    assertSequence(block, 2, "ALOAD", "MONITOREXIT", "ALOAD", "PUSH", "hook:monitorExit");
    assertSequence(block, 0, "DUP", "MONITOREXIT");
  }

  @Test
  void sitesNameTheSynchronizedStatement() {
    MethodNode block = method(loader.rewritten("SyncCounter"), "incrementInBlock");
    List<Site> enter = sites(block, "monitorEnter");
    assertEquals(1, enter.size());
    assertEquals("dev.weft.samples.agent.SyncCounter", enter.get(0).className());
    assertEquals("incrementInBlock", enter.get(0).methodName());
    assertEquals("SyncCounter.java", enter.get(0).fileName());
    assertEquals(lineOf("SyncCounter", "block"), enter.get(0).line());
  }

  @Test
  void blocksStillExclude() throws Throwable {
    int[] counts = (int[]) loader.call("SyncCounter", "concurrentIncrements", 4, 20_000);
    assertArrayEquals(new int[] {4 * 20_000, 4 * 20_000, 4 * 20_000}, counts);
  }
}
