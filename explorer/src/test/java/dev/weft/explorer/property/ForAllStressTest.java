package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.samples.property.LockOrder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * forAllStress: a lock-order deadlock and a thread that never progresses end the run early with
 * the stuck threads' stacks; a correct property runs its duration without a failure; failures are
 * counted and kept with their inputs. The runs that must end early last ten minutes if they do
 * not, so the timeouts here only guard against a hang.
 */
class ForAllStressTest {
  private static final Duration LONG = Duration.ofMinutes(10);

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aLockOrderDeadlockIsReportedWithBothThreadsStacks() throws Exception {
    LockOrder lockOrder = new LockOrder();
    StressResult<Boolean> r = Properties.forAllStress(Gen.booleans(), LONG, lockOrder::move)
        .withThreads(2).check();
    StuckThreads stuck = r.stuck().orElseThrow(() -> new AssertionError(r.report()));
    assertEquals(StuckThreads.Kind.DEADLOCK, stuck.kind(), r.report());
    assertEquals(2, stuck.threads().size(), r.report());
    for (StuckThreads.Stuck t : stuck.threads()) {
      assertTrue(t.name().startsWith("weft-stress-"), t.name());
      assertTrue(t.stack().stream().anyMatch(f -> f.getClassName().equals(LockOrder.class.getName())
          && f.getMethodName().equals("move")), r.report());
      assertTrue(t.waitingFor().contains("ReentrantLock"), r.report());
      StuckThreads.Stuck other = stuck.threads().get(1 - stuck.threads().indexOf(t));
      assertEquals(other.name(), t.heldBy(), "each waits for the lock the other holds");
    }
    assertFalse(r.passed());
    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().contains("Stopped early: deadlock: 2 threads wait for each other's"
        + " locks\n"), e.getMessage());
    assertTrue(e.getMessage().contains(LockOrder.class.getName() + ".move(LockOrder.java:"),
        e.getMessage());
    // The stuck threads were interrupted, which frees a lockInterruptibly: they end (or the
    // timeout above fails the test), leaving no deadlock behind for the tests after this one.
    while (Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("weft-stress-"))) {
      Thread.sleep(10);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aThreadThatMakesNoProgressIsReportedWithItsStack() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    StressResult<Integer> r = Properties.forAllStress(Gen.ints(0, 9), LONG, i -> never.await())
        .withThreads(2).withStuckTimeout(Duration.ofSeconds(2)).check();
    StuckThreads stuck = r.stuck().orElseThrow(() -> new AssertionError(r.report()));
    assertEquals(StuckThreads.Kind.NO_PROGRESS, stuck.kind(), r.report());
    assertEquals(2, stuck.threads().size(), r.report());
    assertTrue(stuck.threads().stream().allMatch(t -> t.stack().stream()
        .anyMatch(f -> f.getMethodName().equals("await"))), r.report());
    assertEquals(0, r.operations(), "no check ended");
    assertTrue(r.report().contains("Stopped early: 2 threads made no progress for 2000 ms\n"),
        r.report());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aCorrectPropertyRunsItsDurationWithoutAFailure() throws Exception {
    ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>();
    StressResult<Integer> r = Properties.forAllStress(Gen.ints(0, 20), Duration.ofSeconds(1),
            key -> assertTrue(counts.merge(key, 1, Integer::sum) >= 1))
        .withThreads(4).check();
    r.assertHolds();
    assertTrue(r.passed());
    assertEquals(0, r.failures());
    assertTrue(r.stuck().isEmpty());
    assertTrue(r.operations() > 0 && r.operationsPerSecond() > 0, r.report());
    assertEquals(r.operations(), counts.values().stream().mapToLong(Integer::longValue).sum(),
        "every check counted was one merge, and no merge was lost");
    assertTrue(r.report().startsWith("Stress: " + r.operations() + " operations on 4 threads"),
        r.report());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void failuresAreCountedAndTheFirstKeptWithTheirInputs() throws Exception {
    StressResult<Integer> r = Properties.forAllStress(Gen.ints(0, 1_000), Duration.ofSeconds(1),
            i -> assertTrue(i % 7 != 0, "a multiple of 7"))
        .withThreads(2).check();
    assertTrue(r.failures() > 0 && r.failures() <= r.operations(), r.report());
    assertEquals(Math.min(r.failures(), ForAllStress.FAILURES_KEPT), r.firstFailures().size());
    for (StressFailure<Integer> f : r.firstFailures()) {
      assertEquals(0, f.input() % 7, f.toString());
      assertEquals(Gen.ints(0, 1_000).generate((int) (f.inputNumber() % Gen.MAX_SIZE),
          Seed.of(r.seed()).forTest(f.inputNumber())).value(), f.input(),
          "input i is the seed's i-th draw, whichever thread drew it");
    }
    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().contains(r.failures() + " failed"), e.getMessage());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aCountBoundedRunChecksExactlyTheFirstInputsWhateverTheMachinesSpeed() throws Exception {
    Gen<Integer> gen = Gen.ints(0, 1_000_000);
    ConcurrentHashMap<Integer, Integer> checked = new ConcurrentHashMap<>();
    StressResult<Integer> r = Properties.forAllStress(gen, LONG,
            i -> checked.merge(i, 1, Integer::sum))
        .withThreads(3).withOperations(500).check();
    r.assertHolds();
    assertEquals(500, r.operations(), r.report());
    Map<Integer, Integer> expected = new HashMap<>();
    for (long i = 0; i < 500; i++) {
      expected.merge(gen.generate((int) (i % Gen.MAX_SIZE), Seed.of(r.seed()).forTest(i)).value(),
          1, Integer::sum);
    }
    assertEquals(expected, checked, "inputs 0 to 499, each once, whichever thread drew it");
  }

  @Test
  void badSettingsAreRefused() {
    assertEquals("forAllStress needs a positive duration, was PT0S",
        assertThrows(IllegalArgumentException.class,
            () -> Properties.forAllStress(Gen.ints(0, 1), Duration.ZERO, i -> { })).getMessage());
    assertEquals("withThreads needs at least 1, was 0",
        assertThrows(IllegalArgumentException.class,
            () -> Properties.forAllStress(Gen.ints(0, 1), Duration.ofSeconds(1), i -> { })
                .withThreads(0)).getMessage());
    assertEquals("withOperations needs at least 1, was 0",
        assertThrows(IllegalArgumentException.class,
            () -> Properties.forAllStress(Gen.ints(0, 1), Duration.ofSeconds(1), i -> { })
                .withOperations(0)).getMessage());
  }
}
