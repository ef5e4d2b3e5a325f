package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.weft.scheduler.hooks.MemoryHooks;
import dev.weft.scheduler.hooks.MonitorHooks;
import dev.weft.scheduler.hooks.WeftHooks;
import dev.weft.scheduler.strategy.RandomWalk;
import dev.weft.scheduler.testing.Simulated;
import java.util.Hashtable;
import org.junit.jupiter.api.Test;

/**
 * The agent rewriting a class that a controlled thread loads runs JDK code on that thread in the
 * middle of the execution that loads it first, and only in that one: it must leave no trace in the
 * model, or that execution would fingerprint as an interleaving class of its own.
 */
class WeftCodeTest {
  private static final int READ = Simulated.site("run", "Shared.value");
  private static final int WRITE = Simulated.site("run", "Shared.value");

  /** Stands for the Hashtable of URL handlers that the agent's class-file lookups lock. */
  private static final Hashtable<String, String> HANDLERS = new Hashtable<>();

  static final class Shared {
    int value;
  }

  /** The JDK's side of {@code Hashtable.get}, as its rewritten synchronized method reports it. */
  private static void lookUp() {
    MonitorHooks.enteredSynchronized(HANDLERS);
    MonitorHooks.exitingSynchronized(HANDLERS);
  }

  private static Task program(boolean lookUp, boolean asWeftCode) {
    return () -> {
      Shared s = new Shared();
      if (lookUp) {
        Object token = asWeftCode ? WeftHooks.weftCodeEntered() : null;
        try {
          lookUp();
        } finally {
          WeftHooks.weftCodeExited(token);
        }
      }
      Thread t = start("writer", () -> MemoryHooks.volatileWrite(s, WRITE));
      MemoryHooks.volatileRead(s, READ);
      join(t);
    };
  }

  private static ExecutionResult run(Task program) {
    return Scheduler.execute(traced(), new RandomWalk(), Simulated.seed(0), program);
  }

  @Test
  void weftsOwnCodeOnAControlledThreadLeavesNoTrace() {
    ExecutionResult plain = run(program(false, false));
    ExecutionResult loading = run(program(true, true));
    assertEquals(Outcome.PASSED, loading.outcome(), loading.report());
    assertEquals(plain.fingerprint(), loading.fingerprint());
    assertEquals(plain.steps(), loading.steps());
    assertEquals(plain.trace(), loading.trace());
  }

  @Test
  void theSameLookUpByTheProgramIsPartOfItsExecution() {
    ExecutionResult plain = run(program(false, false));
    ExecutionResult program = run(program(true, false));
    assertEquals(Outcome.PASSED, program.outcome(), program.report());
    assertNotEquals(plain.fingerprint(), program.fingerprint());
  }
}
