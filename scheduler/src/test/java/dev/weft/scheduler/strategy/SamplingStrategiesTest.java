package dev.weft.scheduler.strategy;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.trace.Choices;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** POS, SURW and the portfolio: seeded, deterministic, finding a bug that replays. */
class SamplingStrategiesTest {
  static Stream<Supplier<Strategy>> strategies() {
    return Stream.of(Pos::new, Surw::new, () -> new Portfolio(
        List.of(new RandomWalk(), new Pct(3, 20), new Pos(), new Surw())));
  }

  /** Two threads each increment a shared counter by a read then a write. */
  private static final Task LOST_UPDATE = () -> {
    int[] value = {0};
    Object counter = new Object();
    Task increment = () -> {
      read(counter);
      int v = value[0];
      write(counter);
      value[0] = v + 1;
    };
    Thread a = start("a", increment);
    Thread b = start("b", increment);
    join(a);
    join(b);
    if (value[0] != 2) throw new AssertionError("lost update: " + value[0]);
  };

  @ParameterizedTest
  @MethodSource("strategies")
  void sameSeedSameChoices(Supplier<Strategy> make) {
    Set<Choices> distinct = new HashSet<>();
    Strategy first = make.get();
    Strategy second = make.get();
    for (int i = 0; i < 30; i++) {
      Choices a = Scheduler.execute(config(), first, seed(i), LOST_UPDATE).choices();
      Choices b = Scheduler.execute(config(), second, seed(i), LOST_UPDATE).choices();
      assertEquals(a, b, "seed " + i);
      distinct.add(a);
    }
    assertTrue(distinct.size() >= 3, "only " + distinct.size() + " schedules");
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void findsTheLostUpdateAndItReplays(Supplier<Strategy> make) {
    Strategy strategy = make.get();
    ExecutionResult bug = null;
    for (int i = 0; i < 200 && bug == null; i++) {
      ExecutionResult r = Scheduler.execute(config(), strategy, seed(i), LOST_UPDATE);
      if (r.outcome().isBug()) bug = r;
    }
    assertNotNull(bug, "found within 200 executions");
    assertEquals(Outcome.EXCEPTION, bug.outcome());
    ExecutionResult again =
        Scheduler.execute(config(), new Replay(bug.choices()), 0, LOST_UPDATE);
    assertEquals(bug.report(), again.report());
  }
}
