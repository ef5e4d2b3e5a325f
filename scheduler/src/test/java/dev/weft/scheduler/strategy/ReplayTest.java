package dev.weft.scheduler.strategy;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.traced;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.weft.scheduler.view.ChoiceKind;

import dev.weft.scheduler.hooks.ThreadHooks;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.testing.FixedView;
import dev.weft.scheduler.testing.Simulated;
import dev.weft.scheduler.trace.Choices;
import dev.weft.scheduler.trace.StepLog;
import dev.weft.scheduler.view.Operation;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replaying recorded choices: the same execution for every strategy, and divergence detected. */
class ReplayTest {
  static Stream<Arguments> strategies() {
    return Stream.of(
        Arguments.of("random walk", (Supplier<Strategy>) RandomWalk::new),
        Arguments.of("PCT depth 2", (Supplier<Strategy>) () -> new Pct(2, 30)),
        Arguments.of("PCT depth 3", (Supplier<Strategy>) () -> new Pct(3, 30)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void replayRoundTripReproducesTheExecution(String name, Supplier<Strategy> strategy) {
    Strategy s = strategy.get();
    for (int i = 0; i < 20; i++) {
      ExecutionResult recorded = Scheduler.execute(traced(), s, seed(i), RandomWalkTest.THREE_WRITERS);
      Replay replay = new Replay(recorded.choices());
      ExecutionResult replayed =
          Scheduler.execute(traced(), replay, 12345, RandomWalkTest.THREE_WRITERS);

      assertEquals(recorded.outcome(), replayed.outcome());
      assertEquals(recorded.choices(), replayed.choices());
      assertEquals(recorded.steps(), replayed.steps());
      assertEquals(recorded.trace(), replayed.trace());
      assertEquals(0, replay.remaining());
    }
  }

  private static Task writers(int firstWrites, int secondWrites) {
    return () -> {
      Object shared = new Object();
      Thread a = start("a", () -> {
        for (int i = 0; i < firstWrites; i++) write(shared);
      });
      Thread b = start("b", () -> {
        for (int i = 0; i < secondWrites; i++) write(shared);
      });
      join(a);
      join(b);
    };
  }

  @Test
  void aChangedProgramDivergesAndTheReportNamesTheStep() {
    ExecutionResult recorded =
        Scheduler.execute(config(), new RandomWalk(), seed(3), writers(10, 10));
    assertEquals(Outcome.PASSED, recorded.outcome());

    ExecutionResult replayed =
        Scheduler.execute(config(), new Replay(recorded.choices()), 0, writers(3, 10));

    assertEquals(Outcome.DIVERGED, replayed.outcome(), replayed.report());
    // T1 did 10 writes when recorded, 3 now: the schedule asks for it after it ended.
    assertEquals(
        "The replay diverged: at step 13 the schedule runs T1, but only T0, T2 can run",
        replayed.report());
    assertFalse(replayed.outcome().isBug(), "a divergence is not a bug of the program");
    assertFalse(replayed.leaked());
  }

  /**
   * A program that now needs fewer choices passes without divergence: the runtime never asks for
   * the rest. The caller must check {@link Replay#remaining()}, which says so.
   */
  @Test
  void aProgramThatEndsBeforeTheScheduleLeavesChoicesUnused() {
    ExecutionResult recorded =
        Scheduler.execute(config(), new RandomWalk(), seed(3), writers(10, 10));
    Replay replay = new Replay(recorded.choices());

    ExecutionResult replayed = Scheduler.execute(config(), replay, 0, writers(10, 0));

    assertEquals(Outcome.PASSED, replayed.outcome(), replayed.report());
    assertTrue(replay.remaining() > 0, "remaining " + replay.remaining());
  }

  @Test
  void aScheduleThatEndsTooEarlyDiverges() {
    ExecutionResult replayed =
        Scheduler.execute(config(), new Replay(new Choices().copy()), 0, writers(3, 3));

    assertEquals(Outcome.DIVERGED, replayed.outcome(), replayed.report());
    assertTrue(replayed.report().contains("the schedule has ended after 0 choices"),
        replayed.report());
  }

  /**
   * A program run twice over the same schedule: {@code flipped} decides which of two objects, both
   * touched before, main writes to, and which of two threads main then interrupts first from "JDK
   * code" (between scheduling points, as an executor's shutdownNow does).
   */
  private static Task twoWays(boolean flipTarget, boolean flipInterrupts) {
    return () -> {
      Object a = new Object();
      Object b = new Object();
      write(a);
      write(b);
      Thread first = start("first", Simulated::schedulingPoint);
      Thread second = start("second", Simulated::schedulingPoint);
      write(flipTarget ? b : a);
      ThreadHooks.interruptEntered(flipInterrupts ? second : first);
      ThreadHooks.interruptEntered(flipInterrupts ? first : second);
      join(first);
      join(second);
    };
  }

  private static ExecutionResult replayOf(ExecutionResult recorded, StepLog log, Task program) {
    return Scheduler.execute(traced(), new Replay(recorded.choices(), log), 0, program);
  }

  @Test
  void theSameProgramReplaysEveryStepAlike() {
    ExecutionResult recorded = Scheduler.execute(traced(), new RandomWalk(), seed(1),
        twoWays(false, false));
    ExecutionResult replayed = replayOf(recorded, recorded.stepLog(), twoWays(false, false));
    assertEquals(Outcome.PASSED, replayed.outcome(), replayed.report());
    assertEquals(recorded.trace(), replayed.trace());
  }

  /** The same operation at the same line, on another object: not the same execution. */
  @Test
  void anotherObjectAtTheSameStepDiverges() {
    ExecutionResult recorded = Scheduler.execute(traced(), new RandomWalk(), seed(1),
        twoWays(false, false));
    ExecutionResult replayed = replayOf(recorded, recorded.stepLog(), twoWays(true, false));
    assertEquals(Outcome.DIVERGED, replayed.outcome(), replayed.report());
    assertTrue(replayed.report().contains(" T0 is about to write at ")
        && replayed.report().contains(" as recorded, but on another object."), replayed.report());
  }

  /** Interrupts sent in the other order between two steps: not the same execution either. */
  @Test
  void anotherOrderOfWhatRunsBetweenStepsDiverges() {
    ExecutionResult recorded = Scheduler.execute(traced(), new RandomWalk(), seed(1),
        twoWays(false, false));
    ExecutionResult replayed = replayOf(recorded, recorded.stepLog(), twoWays(false, true));
    assertEquals(Outcome.DIVERGED, replayed.outcome(), replayed.report());
    assertTrue(replayed.report().contains(", T0 did something other than the recording had"
        + " without a scheduling point of its own"), replayed.report());
  }

  /** A replay that ends, even alike, before its recording did ran another execution. */
  @Test
  void aReplayThatEndsBeforeItsRecordingDiverges() {
    ExecutionResult recorded = Scheduler.execute(traced(), new RandomWalk(), seed(1),
        twoWays(false, false));
    int[] entries = recorded.stepLog().toArray();
    int[] longer = Arrays.copyOf(entries, entries.length + StepLog.WIDTH);
    System.arraycopy(entries, entries.length - StepLog.WIDTH, longer, entries.length,
        StepLog.WIDTH);
    ExecutionResult replayed = replayOf(recorded, StepLog.of(longer), twoWays(false, false));
    int steps = recorded.stepLog().size();
    assertEquals(Outcome.DIVERGED, replayed.outcome(), replayed.report());
    assertTrue(replayed.report().startsWith("The replay diverged: the program is not"
        + " deterministic under a fixed schedule: the execution ended after " + steps
        + " steps, but the recording went on to " + (steps + 1) + "."), replayed.report());
    assertTrue(replayed.report().endsWith("This run ended with: passed"), replayed.report());
  }

  /**
   * Beyond T31 the step log keeps exactly who could run: among a hundred threads, T41 able to run
   * where T40 could is a divergence at that step, and the same set is not.
   */
  @Test
  void whoCouldRunIsCheckedExactlyAmongAHundredThreads() {
    FixedView view = new FixedView();
    StepLog log = new StepLog();
    log.add(view.set(0, 0, 100, 0, 40, 70, 99), 70);
    log.add(view.set(1, 70, 100, 0, 40, 99), 0);
    Choices choices = Choices.of(new ChoiceKind[] {ChoiceKind.THREAD, ChoiceKind.THREAD},
        new int[] {70, 0});

    Replay same = new Replay(choices, StepLog.of(log.toArray()));
    same.beginExecution(0);
    assertEquals(70, same.pickThread(view.set(0, 0, 100, 0, 40, 70, 99)));
    assertEquals(0, same.pickThread(view.set(1, 70, 100, 0, 40, 99)));

    Replay other = new Replay(choices, StepLog.of(log.toArray()));
    other.beginExecution(0);
    assertEquals(70, other.pickThread(view.set(0, 0, 100, 0, 40, 70, 99)));
    ReplayDivergence d = assertThrows(ReplayDivergence.class,
        () -> other.pickThread(view.set(1, 70, 100, 0, 41, 99)));
    assertTrue(d.getMessage().startsWith("the program is not deterministic under a fixed schedule:"
        + " at step 1 the recording had T0, T40, T99 able to run; now T0, T41, T99 can"),
        d.getMessage());
  }

  @Test
  void aRecordedLineThisProgramLacksIsSaidAsSuch() {
    StepLog log = StepLog.of(new int[] {0, Operation.YIELD.ordinal(), 12345, 0b1, 0, 0, 0});
    Replay replay = new Replay(new Choices().copy(), log);
    replay.beginExecution(0);
    ReplayDivergence d = assertThrows(ReplayDivergence.class,
        () -> replay.pickThread(new FixedView().set(0, 0, 1, 0)));
    assertTrue(d.getMessage().contains("at step 0 the recording had T0 about to yield at a line"
        + " this program lacks; now it is about to yield."), d.getMessage());
  }

  @Test
  void divergenceMessagesNameTheStepAndBothSides() {
    Choices recorded = Choices.of(
        new ChoiceKind[] {ChoiceKind.THREAD, ChoiceKind.NOTIFY, ChoiceKind.THREAD},
        new int[] {2, 5, 1});
    FixedView view = new FixedView();

    Replay disabled = new Replay(recorded);
    disabled.beginExecution(0);
    ReplayDivergence d =
        assertThrows(ReplayDivergence.class, () -> disabled.pickThread(view.set(7, 0, 3, 0, 1)));
    assertEquals("at step 7 the schedule runs T2, but only T0, T1 can run", d.getMessage());

    Replay outOfRange = new Replay(recorded);
    outOfRange.beginExecution(0);
    assertEquals(2, outOfRange.pickThread(view.set(3, 0, 3, 0, 2)));
    d = assertThrows(ReplayDivergence.class, () -> outOfRange.pickValue(ChoiceKind.NOTIFY, 2));
    assertEquals("choice 1 (NOTIFY) is 5, but only 2 options exist", d.getMessage());

    Replay wrongKind = new Replay(recorded);
    wrongKind.beginExecution(0);
    d = assertThrows(ReplayDivergence.class, () -> wrongKind.pickValue(ChoiceKind.NOTIFY, 3));
    assertEquals("at choice 0 the program asks for a NOTIFY choice, but the schedule holds a"
        + " THREAD choice", d.getMessage());

    Replay exhausted = new Replay(recorded);
    exhausted.beginExecution(0);
    exhausted.pickThread(view.set(1, 0, 3, 0, 2));
    exhausted.pickValue(ChoiceKind.NOTIFY, 6);
    assertEquals(1, exhausted.remaining());
    exhausted.pickThread(view.set(5, 0, 3, 1, 2));
    assertEquals(0, exhausted.remaining());
    d = assertThrows(ReplayDivergence.class, () -> exhausted.pickThread(view.set(9, 0, 3, 0, 1)));
    assertEquals("at step 9 the program asks for a THREAD choice, but the schedule has ended"
        + " after 3 choices", d.getMessage());

    exhausted.beginExecution(0); // starts over
    assertEquals(3, exhausted.remaining());
  }
}
