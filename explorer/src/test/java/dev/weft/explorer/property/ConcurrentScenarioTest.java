package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.samples.property.Banks;
import dev.weft.samples.property.Counters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ConcurrentScenario under forAllInterleavings: a bank that transfers without a lock loses money
 * under every strategy, and the failure replays to the identical trace; the locked bank is proved
 * by systematic search, and only by it; {@code after} orders operations; bad scenarios are refused.
 */
class ConcurrentScenarioTest {
  private static final long HOUR_MILLIS = 3_600_000;

  private static Options budget(int iterations, String name) {
    return Options.builder().iterations(iterations).testName(name).build();
  }

  /** Two opposite transfers and an audit that runs after both. */
  private static <B extends Banks.Unlocked> ConcurrentScenario<B> transfers(
      java.util.function.Supplier<B> bank) {
    return ConcurrentScenario.<B>setup(bank)
        .thread("a-to-b", b -> b.transfer(0, 1, 60))
        .thread("b-to-a", b -> b.transfer(1, 0, 30))
        .thread("audit", Banks.Unlocked::total).after("a-to-b", "b-to-a")
        .invariant("total is 200", b -> b.total() == 200)
        .invariant("no account negative", Banks.Unlocked::noneNegative);
  }

  @ParameterizedTest
  @EnumSource(SchedulingStrategy.class)
  void anUnlockedBankLosesMoneyAndTheFailureReplaysToTheIdenticalTrace(SchedulingStrategy s)
      throws Exception {
    ForAllInterleavings<Banks.Unlocked> property = Properties
        .forAllInterleavings(transfers(() -> new Banks.Unlocked(100, 100)),
            trace -> assertEquals(200, trace.<Integer>result("audit"), "audit"))
        .withStrategy(s).withOptions(budget(2_000, "unlocked-bank-" + s));
    InterleavingResult<Banks.Unlocked> r = property.check();

    assertEquals(InterleavingResult.Verdict.FAILED, r.verdict(), r.report());
    assertFalse(r.exhaustive());
    Failure f = r.failure().orElseThrow();
    assertTrue(f.summary().contains("invariant 'total is 200' failed"), f.summary());
    assertEquals(java.util.List.of("a-to-b", "b-to-a", "audit"),
        java.util.List.copyOf(r.threadResults().keySet()));
    assertEquals(Outcome.returned(true), r.threadResults().get("a-to-b"));
    ExecutionTrace<Banks.Unlocked> failing = r.failingTrace().orElseThrow();
    assertTrue(failing.finalState().total() != 200, failing.toString());

    ScenarioExecution<Banks.Unlocked> again = property.executeInterleaving(f.schedule());
    assertEquals(ReplayResult.Status.REPRODUCED, again.replay().status(), again.replay().message());
    assertEquals(f.trace(), again.replay().trace());
    assertEquals(failing.operations(), again.trace().orElseThrow().operations());
    ScenarioExecution<Banks.Unlocked> fromFile =
        property.executeInterleaving(f.scheduleFile().toString());
    assertEquals(f.trace(), fromFile.replay().trace());
    Path page = f.scheduleFile().resolveSibling(
        f.scheduleFile().getFileName().toString().replace(".json", ".html"));
    String html = Files.readString(page);
    assertTrue(html.contains("invariant &#39;total is 200&#39; failed")
        || html.contains("invariant 'total is 200' failed"), "the HTML page names the failure");

    AssertionError e = assertThrows(AssertionError.class, r::assertHolds);
    assertTrue(e.getMessage().contains("property.executeInterleaving(\"" + f.schedule() + "\")"),
        e.getMessage());
    assertTrue(e.getMessage().contains("  audit -> "), e.getMessage());
  }

  @Test
  void aLockedBankIsProvedOverEveryInterleavingClass() {
    InterleavingResult<Banks.Locked> r = Properties
        .forAllInterleavings(transfers(() -> new Banks.Locked(100, 100)),
            trace -> assertEquals(200, trace.<Integer>result("audit"), "audit"))
        .withOptions(budget(10_000, "locked-bank")).check();
    r.assertProved();
    assertEquals(InterleavingResult.Verdict.PROVED, r.verdict());
    assertTrue(r.exhaustive());
    assertTrue(r.executions() < 10_000, "the search ran out of classes before the budget");
    assertTrue(r.failure().isEmpty() && r.failingTrace().isEmpty());
    assertTrue(r.report().startsWith("forAllInterleavings (systematic): proved over every"
        + " interleaving class; "), r.report());
  }

  @ParameterizedTest
  @EnumSource(value = SchedulingStrategy.class, names = {"RANDOM", "BIASED"})
  void samplingNeverClaimsAProof(SchedulingStrategy s) {
    InterleavingResult<Banks.Locked> r = Properties
        .forAllInterleavings(transfers(() -> new Banks.Locked(100, 100)), trace -> { })
        .withStrategy(s).withOptions(budget(100, "locked-bank-" + s)).check();
    assertEquals(InterleavingResult.Verdict.NO_FAILURE_FOUND, r.verdict(), r.report());
    assertEquals(100, r.executions(), "the whole budget ran");
    assertFalse(r.exhaustive());
    r.assertHolds();
    AssertionError e = assertThrows(AssertionError.class, r::assertProved);
    assertTrue(e.getMessage().contains("Not a proof"), e.getMessage());
  }

  /** A deposit and a read of the total: whether the read sees the deposit depends on after. */
  private static ConcurrentScenario<Counters.ReadThenWrite> depositThenRead(boolean ordered) {
    ConcurrentScenario<Counters.ReadThenWrite> s =
        ConcurrentScenario.setup(Counters.ReadThenWrite::new)
            .thread("read", Counters.ReadThenWrite::total);
    s = ordered ? s.after("deposit") : s;
    return s.thread("deposit", c -> c.addAndGet(100));
  }

  @Test
  void afterMakesAThreadStartOnlyOnceTheOtherOperationEnded() {
    InterleavingResult<Counters.ReadThenWrite> r = Properties
        .forAllInterleavings(depositThenRead(true), trace -> {
          assertEquals(100, trace.<Integer>result("read"));
          assertTrue(trace.operation("read").startStep() >= trace.operation("deposit").endStep(),
              trace.toString());
        })
        .withOptions(budget(1_000, "deposit-then-read")).check();
    r.assertProved();
  }

  @Test
  void withoutAfterTheReadCanComeFirst() {
    InterleavingResult<Counters.ReadThenWrite> r = Properties
        .forAllInterleavings(depositThenRead(false),
            trace -> assertEquals(100, trace.<Integer>result("read")))
        .withOptions(budget(1_000, "deposit-or-read")).check();
    assertEquals(InterleavingResult.Verdict.FAILED, r.verdict(), r.report());
    assertEquals(Outcome.returned(0), r.threadResults().get("read"));
    TracedOperation read = r.failingTrace().orElseThrow().operation("read");
    assertTrue(read.startStep() < r.failingTrace().get().operation("deposit").endStep(),
        "the read began before the deposit ended: " + r.report());
  }

  @Test
  void badScenariosAreRefusedWithWhatToDo() {
    ConcurrentScenario<Counters.Atomic> s = ConcurrentScenario.setup(Counters.Atomic::new);
    assertEquals("the scenario has no threads: add them with thread(...)",
        assertThrows(IllegalArgumentException.class, s::body).getMessage());
    assertEquals("after(x) says when the thread added last starts: add a thread(...) before it",
        assertThrows(IllegalStateException.class, () -> s.after("x")).getMessage());
    ConcurrentScenario<Counters.Atomic> one = s.thread("add", c -> c.addAndGet(1));
    assertEquals("the scenario has a thread named 'add' already; give each thread its own name",
        assertThrows(IllegalArgumentException.class, () -> one.thread("add", c -> 0))
            .getMessage());
    assertEquals("thread 'add' runs after 'ad', which the scenario does not have; its threads:"
            + " [add]",
        assertThrows(IllegalArgumentException.class,
            () -> Properties.forAllInterleavings(one.after("ad"), t -> { })).getMessage());
    ConcurrentScenario<Counters.Atomic> cycle = one.after("c")
        .thread("b", c -> 0).after("add")
        .thread("c", c -> 0).after("b");
    assertEquals("threads wait for each other in a cycle, so none of them could start: add runs"
            + " after c runs after b runs after add; remove one of these after(...)",
        assertThrows(IllegalArgumentException.class, cycle::body).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> one.thread("self", c -> 0).after("self").body()).getMessage()
        .contains("self runs after self"));
  }

  @Test
  void anOperationThatThrowsIsRecordedForTheInvariantsToJudge() {
    InterleavingResult<Counters.Atomic> r = Properties
        .forAllInterleavings(ConcurrentScenario.setup(Counters.Atomic::new)
                .thread("boom", c -> {
                  throw new IllegalStateException("boom");
                }),
            trace -> assertEquals(new Outcome<>(null, "java.lang.IllegalStateException"),
                trace.operation("boom").outcome()))
        .withOptions(budget(100, "throws")).check();
    r.assertProved();
  }

  /** An hour's sleep passes on Weft's clock, not the wall's: the timeout only guards a hang. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void operationsCarryTheVirtualClockWhichMovesOnlyWithTimedWaits() {
    ConcurrentScenario<Counters.Atomic> napThenAdd = ConcurrentScenario.setup(Counters.Atomic::new)
        .thread("nap", c -> c.sleepThenAdd(HOUR_MILLIS, 1))
        .thread("add", c -> c.addAndGet(2));
    InterleavingResult<Counters.Atomic> r = Properties
        .forAllInterleavings(napThenAdd, trace -> {
          TracedOperation nap = trace.operation("nap");
          TracedOperation add = trace.operation("add");
          assertTrue(nap.endNanos() - nap.startNanos() >= HOUR_MILLIS * 1_000_000L, trace.toString());
          boolean addRanDuringTheNap = add.endNanos() > nap.startNanos()
              && add.startNanos() < nap.endNanos();
          assertTrue(add.endNanos() == add.startNanos() || addRanDuringTheNap,
              "the clock moves only with the sleep: " + add + " " + nap);
          assertEquals(3, trace.finalState().total());
        })
        .withOptions(budget(1_000, "virtual-clock")).check();
    r.assertProved();
  }
}
