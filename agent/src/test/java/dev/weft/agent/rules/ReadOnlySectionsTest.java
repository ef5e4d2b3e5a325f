package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.agent.testing.Bytecode;
import dev.weft.agent.testing.InstrumentingLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

/**
 * Which monitor sections only read, and which of their exits go straight back to the enter: the
 * enter of such a section calls {@code monitorEnterToRead}, such an exit {@code
 * monitorExitToReadAgain}, and everything else the plain hooks.
 */
class ReadOnlySectionsTest {
  private final byte[] rewritten = new InstrumentingLoader().rewritten("PollingUnderLock");

  private MethodNode method(String name) {
    return Bytecode.method(rewritten, name);
  }

  @Test
  void aLoopThatOnlyReadsUnderTheMonitorPolls() {
    MethodNode poll = method("awaitDone");
    assertEquals(1, count(poll, "hook:monitorEnterToRead"));
    assertEquals(0, count(poll, "hook:monitorEnter"));
    // javac's three exits: the break, the way round the loop, the handler's
    assertEquals(1, count(poll, "hook:monitorExitToReadAgain"));
    assertEquals(2, count(poll, "hook:monitorExit"));
  }

  @Test
  void aSectionThatWritesIsNoPoll() {
    MethodNode counting = method("awaitCounting");
    assertEquals(0, count(counting, "hook:monitorEnterToRead"));
    assertEquals(0, count(counting, "hook:monitorExitToReadAgain"));
  }

  @Test
  void aWriteOnTheWayBackKeepsTheExitFromLooping() {
    MethodNode outside = method("awaitCountingOutside");
    assertEquals(1, count(outside, "hook:monitorEnterToRead"));
    assertEquals(0, count(outside, "hook:monitorExitToReadAgain"));
  }

  @Test
  void aSectionThatCallsIsNoPoll() {
    MethodNode calling = method("awaitCalling");
    assertEquals(0, count(calling, "hook:monitorEnterToRead"));
    assertEquals(0, count(calling, "hook:monitorExitToReadAgain"));
  }

  @Test
  void aSynchronizedGetterOnlyReadsButItsExitsLeaveTheMethod() {
    MethodNode getter = method("isDone");
    assertEquals(1, count(getter, "hook:monitorEnterToRead"));
    assertEquals(0, count(getter, "hook:monitorExitToReadAgain"));
  }

  @Test
  void aSectionThatWritesOnlyOnceIsNoPoll() {
    assertEquals(0, count(method("finish"), "hook:monitorEnterToRead"));
  }
}
