package dev.weft.samples.docs;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.harness.Action;
import dev.weft.explorer.harness.Chaos;
import dev.weft.explorer.harness.Harness;
import dev.weft.explorer.harness.Scenario;
import dev.weft.explorer.harness.ScenarioOptions;
import dev.weft.explorer.harness.ScenarioResult;
import dev.weft.explorer.property.ConcurrentWorkload;
import dev.weft.explorer.property.Gen;
import dev.weft.explorer.property.ThreadDistribution;
import dev.weft.explorer.property.WorkloadOperation;
import dev.weft.samples.harness.Services.Counter;
import dev.weft.samples.harness.Services.Pool;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The worked examples of docs/scenarios.md, compiled here and run by ScenarioDocsTest; the code
 * between a {@code // docs:NAME} marker and {@code // end} must appear verbatim on the page.
 */
public final class ScenarioExamples {
  private ScenarioExamples() {}

  // docs:pool
  /** Two borrowers, one of them interrupted; every connection must be back at the end. */
  public static ScenarioResult pool(Consumer<Pool> use) {
    Scenario<Pool> scenario = Scenario.simple(() -> new Pool(2),
        List.of(Action.custom("use", use)), 2,
        ScenarioOptions.<Pool>builder()
            .chaos(Chaos.interrupt(0))
            .invariant((pool, context) -> {
              if (pool.available() != 2) throw new AssertionError("a connection leaked");
            })
            .build());
    return Harness.explore(scenario, Options.builder().strategy(StrategyKind.DFS).build());
  }
  // end

  // docs:counter
  /** Five threads increment, then decrement, while a crash strikes one increment. */
  public static Scenario<Counter> counter(Supplier<Counter> service) {
    return Scenario.simple(service,
        List.of(Action.call("increment", c -> {
          c.increment();
          return c.get();
        }), Action.call("decrement", c -> {
          c.decrement();
          return c.get();
        })), 5,
        ScenarioOptions.<Counter>builder()
            .chaos(Chaos.injectCrash("increment", () -> new IllegalStateException("crashed")))
            .maxTime(Duration.ofMillis(100)) // checked on real threads only
            .invariant((counter, context) -> {
              if (counter.get() < 0) throw new AssertionError("the count is " + counter.get());
            })
            .build());
  }
  // end

  // docs:explore
  /** Three hundred seeded random runs under Weft's scheduler: a budget, not a proof. */
  public static ScenarioResult explore(Scenario<Counter> scenario) {
    return Harness.explore(scenario, Options.builder().strategy(StrategyKind.RANDOM).seed(1)
        .iterations(300).testName("counter-service").build());
  }
  // end

  // docs:workloads
  /** Increments and decrements, two or three threads of one to three calls. */
  public static Gen<ConcurrentWorkload<Counter>> counterWorkloads() {
    return Gen.<Counter>concurrentOperations()
        .operation(1, WorkloadOperation.of("increment", c -> {
          c.increment();
          return c.get();
        }))
        .operation(2, WorkloadOperation.of("decrement", c -> {
          c.decrement();
          return c.get();
        }))
        .threads(new ThreadDistribution(2, 3, 1, 3))
        .gen();
  }
  // end
}
