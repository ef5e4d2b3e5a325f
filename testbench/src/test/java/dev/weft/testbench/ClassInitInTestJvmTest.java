package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import org.junit.jupiter.api.Test;

/**
 * In a test JVM the program's classes stay loaded, so a class initialized in one execution is
 * initialized already in the next: a thread's wait for another thread's static initializer cannot be
 * repeated, explored or replayed there. Weft says so and names the way out, rather than report a
 * result that later executions or a replay would contradict.
 */
class ClassInitInTestJvmTest {

  /** Initialized only by this test: its initializer joins a thread that needs the class. */
  static final class JoinsReader {
    static int value = 1;

    static {
      Thread reader = new Thread(new Reader());
      reader.start();
      try {
        reader.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    static void touch() {}
  }

  static final class Reader implements Runnable {
    @Override
    public void run() {
      assert JoinsReader.value == 1;
    }
  }

  /** Initialized only by the next test, in the execution that fails. */
  static final class Box {
    static final Object TAG = new Object();
    volatile int value;
  }

  /**
   * Which execution initializes a class depends on the executions before it, so a replay (in this
   * JVM, where the class is initialized already, or in a fresh one, where the replayed execution
   * initializes it) must not count the initialization: the same schedule, the same trace.
   */
  @Test
  void anExecutionThatInitializedAClassReplaysWhereTheClassIsInitializedAlready() {
    Body body = () -> {
      Box box = new Box();
      Thread writer = new Thread(() -> box.value = 1);
      writer.start();
      box.value = 2;
      writer.join();
      throw new IllegalStateException("fails in every execution, the first too");
    };
    // Not shrunk: the trace reported is the first execution's, the one that initialized Box.
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.RANDOM).iterations(20).shrink(false)
            .outputDir(Budget.OUTPUT).testName("ClassInitInTestJvmTest-replay").build(), body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(0, f.execution(), f::report);
    assertFalse(f.trace().contains("initialize"), f::trace);
    ReplayResult replay = Weft.replay(f.schedule(), body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay::message);
    assertEquals(f.trace(), replay.trace());
  }

  @Test
  void aWaitForAnotherThreadsInitializerStopsTheExplorationAndNamesTheWayOut() {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.RANDOM).iterations(20).outputDir(Budget.OUTPUT)
            .testName("ClassInitInTestJvmTest").build(),
        JoinsReader::touch);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.UNCONTROLLED, f.kind(), f::report);
    String name = JoinsReader.class.getName();
    assertTrue(f.report().contains("T1 would wait at ClassInitInTestJvmTest.java:"), f::report);
    assertTrue(f.report().contains("for T0 to finish initializing class " + name), f::report);
    assertTrue(f.report().contains("`weft run`, which loads its classes afresh for every"
        + " execution, or initialize " + name + " before the exploration starts"), f::report);
    // Not replayed: a replay in this JVM could only tell a different story.
    assertFalse(f.report().contains("not deterministic"), f::report);
  }

  @Test
  void aCorpusProgramWithFreshClassesHasItsInitializationDeadlockNamedWithItsCycle() {
    // In classes loaded afresh for each execution, as weft run loads them, the same shape is a
    // deadlock Weft models, not a wait it cannot repeat.
    Program program = Corpus.named("InitializerJoinsReader");
    for (int run = 0; run < 2; run++) { // the second run meets the class uninitialized again
      ExplorationResult result = Weft.exploreInterleavings(Budget.options(program,
          StrategyKind.RANDOM, 1, "ClassInitInTestJvmTest.fresh").iterations(3).build(),
          program.body());
      Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
      assertEquals(FailureKind.DEADLOCK, f.kind(), f.message());
      assertTrue(f.details().contains("holds the initialization of class"
          + " dev.weft.testbench.programs.InitializerJoinsReader and waits to join T1"),
          f.details());
      assertTrue(f.details().contains("Cycle: T0 -> T1 -> T0"), f.details());
    }
  }
}
