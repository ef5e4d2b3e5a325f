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
 * monitorExitToReadAgain}, and everything else the plain hooks. Likewise for a {@code
 * ReentrantLock}'s {@code lock()} or {@code tryLock()} ({@code lockToRead}) and {@code unlock()}
 * ({@code unlockToLockAgain}).
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

  @Test
  void anAtomicsGetterUnderTheMonitorOnlyReads() {
    MethodNode poll = method("awaitFlag");
    assertEquals(1, count(poll, "hook:monitorEnterToRead"));
    assertEquals(1, count(poll, "hook:monitorExitToReadAgain"));
  }

  @Test
  void aLoopThatOnlyReadsUnderALockPolls() {
    MethodNode poll = method("awaitDoneUnderLock");
    assertEquals(1, count(poll, "hook:lockToRead"));
    // javac's three unlocks, as for a monitor: the break, the way round the loop, the handler's
    assertEquals(1, count(poll, "hook:unlockToLockAgain"));
    assertEquals(2, count(poll, "hook:call"));
  }

  @Test
  void aLoopThatOnlyReadsWhenItGetsTheLockPolls() {
    MethodNode poll = method("awaitDoneTryingLock");
    assertEquals(1, count(poll, "hook:lockToRead"));
    assertEquals(1, count(poll, "hook:unlockToLockAgain"));
    assertEquals(1, count(poll, "hook:attemptReturned"));
  }

  @Test
  void aSectionUnderALockThatWritesIsNoPoll() {
    MethodNode counting = method("awaitCountingUnderLock");
    assertEquals(0, count(counting, "hook:lockToRead"));
    assertEquals(0, count(counting, "hook:unlockToLockAgain"));
    assertEquals(0, count(method("finishUnderLock"), "hook:lockToRead"));
  }

  @Test
  void aPrivateGetterThatOnlyReadsKeepsTheSectionOneThatOnlyReads() {
    MethodNode poll = method("awaitThroughGetter");
    assertEquals(1, count(poll, "hook:monitorEnterToRead"));
    assertEquals(1, count(poll, "hook:monitorExitToReadAgain"));
  }

  @Test
  void aPrivateMethodThatWritesOrAnOverridableGetterMakesNoPoll() {
    assertEquals(0, count(method("awaitThroughCounter"), "hook:monitorEnterToRead"));
    assertEquals(0, count(method("awaitThroughOverridable"), "hook:monitorEnterToRead"));
  }
}
