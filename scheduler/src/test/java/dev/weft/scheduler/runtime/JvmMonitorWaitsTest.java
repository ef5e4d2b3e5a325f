package dev.weft.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.model.MonitorModel;
import dev.weft.scheduler.model.ThreadStatus;
import java.util.Vector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watching thread asks the JVM which object a blocked thread waits for, which makes the JVM
 * compute that object's identity hash on the watching thread, only where the thread's own stack
 * and the model say it may be blocked on a modelled monitor (whose hash was read already).
 */
class JvmMonitorWaitsTest {
  private final ControlledThread blocked =
      new ControlledThread(0, new Thread(() -> { }), null, ThreadStatus.RUNNABLE);
  private final ControlledThread holder =
      new ControlledThread(1, new Thread(() -> { }), null, ThreadStatus.RUNNABLE);
  private final ControlledThread[] threads = {blocked, holder};
  private final IdentityTable<MonitorModel> models = new IdentityTable<>();
  private final StackTraceElement vectorEntry =
      new StackTraceElement("java.util.Vector", "addElement", "Vector.java", 617);

  @BeforeEach
  void holderWaitsForItsTurnInsideAVectorsMonitor() {
    blocked.turn = true;
    MonitorModel model = new MonitorModel();
    model.enter(holder.id, -1);
    models.put(new Vector<>(), model);
  }

  @Test
  void aThreadAtAHookedMethodsEntryWhileAWaitingThreadHoldsSuchAMonitorIsAskedAbout() {
    assertTrue(JvmMonitorWaits.worthAsking(blocked, stack(vectorEntry), threads, models));
  }

  @Test
  void aThreadBlockedInTheProgramsOwnCodeIsNotAskedAbout() {
    StackTraceElement program = new StackTraceElement("com.acme.Cache", "put", "Cache.java", 12);
    assertFalse(JvmMonitorWaits.worthAsking(blocked, stack(program, vectorEntry), threads, models));
  }

  @Test
  void noWaitingThreadHoldsAMonitorOfThatClass() {
    StackTraceElement buffer =
        new StackTraceElement("java.lang.StringBuffer", "append", "StringBuffer.java", 1);
    assertFalse(JvmMonitorWaits.worthAsking(blocked, stack(buffer), threads, models));
  }

  @Test
  void theThreadThatHoldsSuchAMonitorHoldsTheTurnItself() {
    holder.turn = true;
    assertFalse(JvmMonitorWaits.worthAsking(blocked, stack(vectorEntry), threads, models));
  }

  @Test
  void anEmptyStackIsNotAskedAbout() {
    assertFalse(JvmMonitorWaits.worthAsking(blocked, stack(), threads, models));
  }

  private static StackTraceElement[] stack(StackTraceElement... frames) {
    return frames;
  }
}
