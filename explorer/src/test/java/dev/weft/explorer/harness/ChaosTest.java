package dev.weft.explorer.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.samples.harness.Recovery;
import dev.weft.samples.harness.Services;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Crashes injected into a target and workers killed under it: a service that does not recover is
 * caught, with the chaos in its events, and replays exactly; one that recovers passes every
 * explored run, in which the chaos is seen to strike.
 */
class ChaosTest {
  private static Options dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(20_000).testName(name).build();
  }

  /** Counts, over every execution, the actions that the injected crash replaced. */
  private static ScenarioListener countingCrashes(AtomicInteger crashes) {
    return new ScenarioListener() {
      @Override
      public void operationEnded(Event event) {
        if (event.kind() == Event.Kind.FAILED && event.detail().contains("injected")) {
          crashes.incrementAndGet();
        }
      }
    };
  }

  private static final Supplier<RuntimeException> STORE_DOWN =
      () -> new IllegalStateException("injected: the store is down");

  private static Scenario<Recovery.Accounts> transfer(List<Action<Recovery.Accounts>> steps,
      Chaos<Recovery.Accounts> crash, AtomicInteger crashes) {
    return Scenario.simple(Recovery.Accounts::new, steps, 1,
        ScenarioOptions.<Recovery.Accounts>builder()
            .chaos(crash)
            .listener(countingCrashes(crashes))
            .invariant((accounts, context) -> {
              if (accounts.total() != 100) {
                throw new AssertionError("the accounts hold " + accounts.total() + ", not 100");
              }
            })
            .build());
  }

  @Test
  void aCrashBetweenATransfersTwoStepsLosesMoneyAndTheRunReplays() {
    AtomicInteger crashes = new AtomicInteger();
    Scenario<Recovery.Accounts> twoSteps = transfer(List.of(
        Action.custom("withdraw", a -> a.withdraw(10)),
        Action.custom("deposit", a -> a.deposit(10))), Chaos.injectCrash("deposit", STORE_DOWN),
        crashes);
    assertLosesTenAndReplays(twoSteps, "chaos-crash", "deposit", "crash deposit");
  }

  @Test
  void anAtomicTransferKeepsTheTotalWhereverTheCrashStrikes() {
    AtomicInteger crashes = new AtomicInteger();
    ScenarioResult result = Harness.explore(
        transfer(List.of(Action.custom("transfer", a -> a.transfer(10))),
            Chaos.injectCrash("transfer", STORE_DOWN), crashes),
        dfs("chaos-crash-atomic"));
    assertKeepsTheTotalWhereverTheCrashStrikes(result, crashes);
  }

  @Test
  void aCrashAtAPointInsideTheTargetBetweenDebitAndCreditLosesMoneyAndTheRunReplays() {
    AtomicInteger crashes = new AtomicInteger();
    Scenario<Recovery.Accounts> inSteps = transfer(
        List.of(Action.custom("transfer", a -> a.transferInSteps(10))),
        Chaos.injectCrash(Recovery.Accounts.DEBITED, STORE_DOWN), crashes);
    // The action entered the target, which crashed inside it: the action's entry was not armed.
    assertLosesTenAndReplays(inSteps, "chaos-crash-point", "transfer", "crash at debited");
  }

  @Test
  void aTransactionalTransferKeepsTheTotalWhereverTheCrashPointStrikes() {
    AtomicInteger crashes = new AtomicInteger();
    ScenarioResult result = Harness.explore(transfer(
        List.of(Action.custom("transfer", a -> a.transferTransactionally(10))),
        Chaos.injectCrash(Recovery.Accounts.DEBITED, STORE_DOWN), crashes),
        dfs("chaos-crash-point-transaction"));
    assertKeepsTheTotalWhereverTheCrashStrikes(result, crashes);
  }

  @Test
  void aCrashPointDoesNothingOutsideAScenarioWithCrashChaos() {
    Recovery.Accounts accounts = new Recovery.Accounts();
    accounts.transferInSteps(10);
    assertEquals(100, accounts.total());
    // A scenario with other chaos arms no crash points either.
    Harness.run(Scenario.simple(Recovery.Accounts::new,
        List.of(Action.custom("transfer", a -> a.transferInSteps(10))), 2,
        ScenarioOptions.<Recovery.Accounts>builder()
            .chaos(Chaos.interrupt(0))
            .invariant((a, context) -> assertEquals(100, a.total()))
            .build())).assertPassed();
  }

  @Test
  void aSecondScenarioWithCrashChaosAtOnceIsRefusedSayingWhy() {
    Crashes running = new Crashes();
    CrashPoint.install(running);
    try {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> CrashPoint.install(new Crashes()));
      assertTrue(e.getMessage().startsWith("another scenario with crash chaos is running"),
          e.getMessage());
    } finally {
      CrashPoint.release(running);
    }
  }

  /** A run that Weft ends early (here a deadlock) unwinds, so the next scenario can start. */
  @Test
  void aRunEndedByADeadlockLeavesNoCrashPointsInstalled() {
    ScenarioResult deadlocked = Harness.explore(Scenario.simple(() -> new Services.Pool(1),
        List.of(Action.custom("use", Services.Pool::useLeaky)), 2,
        ScenarioOptions.<Services.Pool>builder()
            .chaos(Chaos.interrupt(0))
            .chaos(Chaos.injectCrash(new CrashPoint("unreached"), STORE_DOWN))
            .build()), dfs("chaos-crash-point-deadlock"));
    assertTrue(deadlocked.report().failures().get(0).startsWith("deadlock: "),
        deadlocked.report().failures().toString());
    Crashes next = new Crashes();
    CrashPoint.install(next);
    CrashPoint.release(next);
  }

  /** Two casts; {@code workers} gives each run's target a supervisor of its own. */
  private static Scenario<Recovery.Jobs> jobs(Supplier<Supervisor> workers,
      AtomicInteger restarts) {
    return Scenario.simple(() -> new Recovery.Jobs(workers.get()),
        List.of(Action.cast("job", Recovery.Jobs::job)), 2,
        ScenarioOptions.<Recovery.Jobs>builder()
            .chaos(Chaos.killChildren())
            .invariant((jobs, context) -> {
              restarts.accumulateAndGet(jobs.restarts(), Math::max);
              if (jobs.done() != 2) {
                throw new AssertionError(jobs.done() + " of 2 jobs done, "
                    + context.mailbox().depth() + " left in the mailbox");
              }
            })
            .build());
  }

  @Test
  void anUnsupervisedWorkerThatIsKilledLosesTheJobsAfterIt() {
    AtomicInteger restarts = new AtomicInteger();
    Scenario<Recovery.Jobs> scenario =
        jobs(() -> Supervisor.unsupervised("worker", 1), restarts);
    ScenarioResult result = Harness.explore(scenario, dfs("chaos-unsupervised"));
    assertFalse(result.passed());
    String failure = result.report().failures().get(0);
    assertTrue(failure.matches("invariant: java.lang.AssertionError: [01] of 2 jobs done,"
        + " [12] left in the mailbox"), failure);
    assertEquals(0, restarts.get());
    ReplayRoundTrip.assertReplays(scenario, result.report());
  }

  @Test
  void aRestartingSupervisorDoesEveryJobWhereverTheKillStrikes() {
    AtomicInteger restarts = new AtomicInteger();
    Scenario<Recovery.Jobs> scenario =
        jobs(() -> Supervisor.restarting("worker", 1), restarts);
    ScenarioResult result = Harness.explore(scenario, dfs("chaos-restarting"));
    result.assertPassed();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.exploration().stopReason(),
        result.exploration().summary());
    assertTrue(restarts.get() >= 1, "no explored run killed a worker");
  }

  @Test
  void anUnsupervisedPoolThatLosesOneOfTwoWorkersStillDoesEveryJob() {
    AtomicInteger shortOfAWorker = new AtomicInteger();
    Scenario<Recovery.Jobs> scenario = Scenario.simple(
        () -> new Recovery.Jobs(Supervisor.unsupervised("worker", 2)),
        List.of(Action.cast("job", Recovery.Jobs::job)), 2,
        ScenarioOptions.<Recovery.Jobs>builder()
            .chaos(Chaos.killChildren(1))
            .invariant((jobs, context) -> {
              if (jobs.done() != 2) throw new AssertionError(jobs.done() + " of 2 jobs done");
              if (jobs.deaths() > 1) throw new AssertionError(jobs.deaths() + " workers killed");
              if (jobs.deaths() == 1) shortOfAWorker.incrementAndGet();
            })
            .build());
    ScenarioResult result = Harness.explore(scenario, dfs("chaos-kill-one-of-two"));
    result.assertPassed();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.exploration().stopReason(),
        result.exploration().summary());
    assertTrue(shortOfAWorker.get() > 0, "no explored run killed a worker");
  }

  @Test
  void aChaosThatCannotStrikeFailsTheRunSayingWhy() {
    Scenario<Recovery.Accounts> scenario = Scenario.simple(Recovery.Accounts::new,
        List.of(Action.custom("transfer", a -> a.transfer(1))), 1,
        ScenarioOptions.<Recovery.Accounts>builder()
            .chaos(Chaos.of("throws", (target, context) -> {
              throw new IllegalStateException("cannot reach the target");
            }))
            .build());
    ScenarioResult result = Harness.run(scenario);
    assertEquals(List.of("chaos throws: the chaos itself threw java.lang.IllegalStateException:"
        + " cannot reach the target"), result.report().failures());
  }

  /** The crashed {@code action} lost 10, with {@code chaos} in the events; the run replays. */
  private static void assertLosesTenAndReplays(Scenario<Recovery.Accounts> scenario, String test,
      String action, String chaos) {
    ScenarioResult result = Harness.explore(scenario, dfs(test));
    assertFalse(result.passed());
    ScenarioReport report = result.report();
    assertEquals(List.of("invariant: java.lang.AssertionError: the accounts hold 90, not 100"),
        report.failures());
    assertTrue(report.events().stream().anyMatch(e -> e.kind() == Event.Kind.FAILED
        && e.action().equals(action) && e.detail().equals(
            "java.lang.IllegalStateException: injected: the store is down")), report::toJson);
    assertTrue(report.events().stream().anyMatch(e -> e.kind() == Event.Kind.CHAOS
        && e.action().equals(chaos)), report::toJson);
    ReplayRoundTrip.assertReplays(scenario, report);
  }

  /**
   * Every explored run kept the total, exhaustively; and not vacuously: in some runs the crash
   * struck ({@code crashes} counts them over every execution), in others it came too late.
   */
  private static void assertKeepsTheTotalWhereverTheCrashStrikes(ScenarioResult result,
      AtomicInteger crashes) {
    result.assertPassed();
    ExplorationResult exploration = result.exploration();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, exploration.stopReason(),
        exploration.summary());
    assertTrue(crashes.get() > 0, "the crash never struck");
    assertTrue(crashes.get() < exploration.executions(), "the crash always struck");
  }
}
