package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bugs that plain stress testing all but misses: every program declared {@code hiddenUnderStress}
 * runs its {@code main} natively (plain threads in this JVM; the agent is loaded, but no exploration
 * runs, so every hook passes straight through) ten thousand times and fails in fewer than one run in
 * a hundred, while Weft finds the bug under random walk and PCT, every time.
 *
 * <p>Not "never": whether a plain run fails is the operating system's choice of when to preempt a
 * thread, and a machine busy with other work preempts more often, inside the few instructions the
 * bug needs too (one run in a few thousand was seen at a load average of 7 on 2 cores). What the
 * test asserts holds on any machine that is not starved outright.
 */
class HiddenUnderStressTest {
  private static final int PLAIN_RUNS = 10_000;
  /** At most this many plain runs may fail: one in a hundred. */
  private static final int PLAIN_FAILURES_ALLOWED = PLAIN_RUNS / 100;
  /** Only a hang guard: ten thousand plain runs take a few seconds, however busy the machine. */
  private static final long PLAIN_RUNS_LIMIT_SECONDS = TimeUnit.MINUTES.toSeconds(10);
  private static final long SEED = 1L;

  static Stream<Program> hidden() {
    return Corpus.buggy().stream().filter(Program::hiddenUnderStress);
  }

  @Test
  void someBugsAreDeclaredHidden() {
    assertFalse(hidden().toList().isEmpty(), "no program is declared hiddenUnderStress");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hidden")
  void plainRunsNeverFailButWeftFindsTheBug(Program program) throws InterruptedException {
    PlainRuns plain = PlainRuns.of(program, PLAIN_RUNS);
    assertEquals(PLAIN_RUNS, plain.completed(), program.name() + ": plain runs did not finish");
    assertTrue(plain.failures().size() <= PLAIN_FAILURES_ALLOWED, () -> program.name()
        + " is declared hidden under stress, but " + plain.failures().size() + " of " + PLAIN_RUNS
        + " plain runs failed, the first with: " + plain.failures().get(0));

    for (StrategyKind strategy : new StrategyKind[] {StrategyKind.RANDOM, StrategyKind.PCT}) {
      String testName = "HiddenUnderStressTest." + program.name() + "-" + strategy.cliName();
      ExplorationResult result = Weft.exploreInterleavings(
          Budget.options(program, strategy, SEED, testName).build(), program.body());
      Failure failure = result.failure().orElseThrow(() -> new AssertionError(
          program.name() + " under " + strategy.cliName() + ": " + result.summary()));
      assertEquals(program.expectedFailure().orElseThrow(), failure.kind(), failure.message());
      ReplayResult replay = Weft.replay(failure.schedule(), program.body());
      assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
      assertEquals(failure.trace(), replay.trace());
    }
  }

  /**
   * Runs {@code main} over and over on one runner thread, {@code runs} times, keeping every failure.
   * The runner's thread group sees every throwable that escapes a thread the program starts, since
   * a new thread joins its creator's group.
   */
  private record PlainRuns(int completed, List<Throwable> failures) {
    static PlainRuns of(Program program, int runs) throws InterruptedException {
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      ThreadGroup group = new ThreadGroup("plain-" + program.name()) {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
          failures.add(e);
        }
      };
      int[] completed = new int[1]; // written by the runner, read after joining it
      Thread runner = new Thread(group, () -> {
        for (int i = 0; i < runs; i++) {
          try {
            program.runMain();
          } catch (Throwable e) {
            failures.add(e);
          }
          completed[0]++;
        }
      }, "plain-runner");
      runner.setDaemon(true); // a plain run that hangs must not keep the JVM alive
      runner.start();
      runner.join(TimeUnit.SECONDS.toMillis(PLAIN_RUNS_LIMIT_SECONDS));
      if (runner.isAlive()) {
        failures.add(new AssertionError("hang guard: the plain runs did not finish within "
            + PLAIN_RUNS_LIMIT_SECONDS + " s (a hang, which reveals the bug too)"));
        return new PlainRuns(-1, List.copyOf(failures));
      }
      return new PlainRuns(completed[0], List.copyOf(failures));
    }
  }
}
