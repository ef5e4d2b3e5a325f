package dev.weft.testbench.bench;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.ExplorationResult.StopReason;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.explore.Strategies;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.strategy.SplitMix64;
import dev.weft.scheduler.strategy.Strategy;
import dev.weft.testbench.corpus.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures Weft on one program under one strategy, in this JVM (which needs Weft's agent):
 *
 * <ol>
 *   <li>the search: one {@link Weft#exploreInterleavings} per seed, which stops at the first bug;
 *       its time includes building the failure report, as a user waits for it;
 *   <li>the throughput run: {@link Scheduler#execute} over and over with one strategy instance, as
 *       an exploration does, but not stopping at bugs, so that every execution and its scheduling
 *       points count.
 * </ol>
 */
final class WeftSide {
  private static final int WARM_UP_EXECUTIONS = 200;

  private WeftSide() {}

  /** Loads and instruments the program's classes and warms the JIT; measures nothing. */
  static void warmUp(Program program, StrategyKind strategy, HarnessOptions o) {
    int executions = Math.min(o.budget(), WARM_UP_EXECUTIONS);
    Options options = options(program, strategy, o).seed(0).iterations(executions)
        .testName("bench-warm-up-" + program.name()).build();
    Weft.exploreInterleavings(options, program.body());
    throughput(program, options, executions, o);
  }

  static Row measure(Program program, StrategyKind strategy, HarnessOptions o) {
    PeakMemory.reset();
    Options.Builder base = options(program, strategy, o);
    List<Double> executions = new ArrayList<>();
    List<Double> millis = new ArrayList<>();
    String kindFound = "";
    List<String> notes = new ArrayList<>();
    int timeLimited = 0;
    int exhaustedAfter = 0;
    for (int seed = 1; seed <= o.seeds(); seed++) {
      Options options = base.seed(seed)
          .testName("bench-" + program.name() + "-" + strategy.cliName() + "-" + seed).build();
      ExplorationResult result = Weft.exploreInterleavings(options, program.body());
      if (result.failure().isPresent()) {
        Failure failure = result.failure().get();
        executions.add((double) failure.execution() + 1);
        millis.add(result.elapsed().toNanos() / 1e6);
        if (kindFound.isEmpty()) kindFound = lower(failure.kind().name());
      } else if (result.stopReason() == StopReason.TIME_LIMIT) {
        timeLimited++;
      } else if (result.stopReason() == StopReason.EXHAUSTED) {
        exhaustedAfter = Math.max(exhaustedAfter, result.executions());
      }
    }
    if (timeLimited > 0) notes.add(timeLimited + " searches hit the time limit");
    if (exhaustedAfter > 0) notes.add("ran out of interleavings after " + exhaustedAfter);
    String expected = Harness.expected(program);
    if (!kindFound.isEmpty() && !program.buggy()) notes.add("bug found in a program declared correct");
    if (!kindFound.isEmpty() && program.buggy() && !kindFound.equals(expected)) {
      notes.add("found " + kindFound + ", declared " + expected);
    }
    Throughput t = throughput(program, base.seed(1).build(), o.throughput(), o);
    if (!t.note().isEmpty()) notes.add(t.note());
    return new Row(program.name(), expected, "weft", strategy.cliName(), o.seeds(),
        executions.size(), kindFound, Samples.of(executions, o.seeds()),
        Samples.of(millis, o.seeds()), t.executions(), t.perSecond(t.executions()),
        t.perSecond(t.steps()), t.executions() == 0 ? Double.NaN : t.steps() / (double) t.executions(),
        PeakMemory.heapMib(), PeakMemory.rssMib(), String.join("; ", notes));
  }

  private static Options.Builder options(Program program, StrategyKind strategy, HarnessOptions o) {
    Options.Builder b = Options.builder().strategy(strategy).iterations(o.budget())
        .timeLimit(o.timeLimit()).outputDir(o.out().resolve("weft-schedules"));
    program.maxSteps().ifPresent(b::maxSteps);
    return b.detectRaces(program.needsRaceDetection());
  }

  private record Throughput(long executions, long steps, double seconds, String note) {
    double perSecond(long count) {
      return executions == 0 || seconds <= 0 ? Double.NaN : count / seconds;
    }
  }

  private static Throughput throughput(Program program, Options options, int executions,
      HarnessOptions o) {
    Strategy strategy = Strategies.create(options);
    ExecutionConfig config = new ExecutionConfig(options.maxSteps(),
        options.executionTimeout().toNanos(), options.spuriousWakeups(), false, null, null,
        options.timeouts() == Timeouts.WHEN_BLOCKED, false, options.openJdkStructures())
        .withClassesReloaded(program.freshClasses());
    Task task = program.body()::run;
    long deadline = System.nanoTime() + o.timeLimit().toNanos();
    long steps = 0;
    int done = 0;
    int searches = 1;
    String note = "";
    long start = System.nanoTime();
    while (done < executions) {
      if (System.nanoTime() - deadline >= 0) {
        note = "throughput run hit the time limit";
        break;
      }
      if (!strategy.hasNextExecution()) { // a systematic search is done: start it again
        strategy = Strategies.create(options);
        searches++;
      }
      ExecutionResult r = Scheduler.execute(
          config, strategy, SplitMix64.mix(options.seed() ^ SplitMix64.mix(done)), task);
      done++;
      steps += r.steps();
      if (r.leaked()) {
        note = "throughput run stopped: a thread could not be ended";
        break;
      }
    }
    if (searches > 1 && note.isEmpty()) note = "throughput over " + searches + " searches";
    return new Throughput(done, steps, (System.nanoTime() - start) / 1e9, note);
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
