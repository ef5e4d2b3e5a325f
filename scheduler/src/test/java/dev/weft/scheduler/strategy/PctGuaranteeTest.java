package dev.weft.scheduler.strategy;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PCT's guarantee (Burckhardt et al., ASPLOS 2010, Theorem 9): on a program with {@code n} threads
 * and {@code k} steps, one execution at depth {@code d} finds a bug of depth {@code d} with
 * probability at least {@code 1/(n k^(d-1))}. Measured over a fixed number of seeds on three
 * programs whose bug needs exactly {@code d} ordering constraints, each with {@code n = 3}: the body
 * T0 starting and joining threads A and B. Every access is a volatile one, a scheduling point.
 *
 * <p>Depth 3 is the shape PCT once could not produce: A runs, is preempted, B runs one step and is
 * preempted, A comes back. A PCT that gives the earlier change point the lower priority keeps B
 * above A from then on, and never finds it.
 */
class PctGuaranteeTest {
  private static final int THREADS = 3;
  /** Enough for a bound of about 1/1,000 to be seen a few times over. */
  private static final int SEEDS = 3_000;

  /** A value written and read through the simulated volatile hooks. */
  static final class Shared {
    int value;
  }

  /** Depth 1: B reads the flag before A raises it. */
  private static final Task READ_BEFORE_WRITE = () -> {
    Shared flag = new Shared();
    Thread a = start("A", () -> {
      write(flag);
      flag.value = 1;
    });
    Thread b = start("B", () -> {
      read(flag);
      if (flag.value == 0) throw new AssertionError("read before the write");
    });
    join(a);
    join(b);
  };

  /** Depth 2: each thread reads the counter before the other writes it back. */
  private static final Task LOST_UPDATE = () -> {
    Shared counter = new Shared();
    Task increment = () -> {
      read(counter);
      int v = counter.value;
      write(counter);
      counter.value = v + 1;
    };
    Thread a = start("A", increment);
    Thread b = start("B", increment);
    join(a);
    join(b);
    if (counter.value != 2) throw new AssertionError("lost update");
  };

  /**
   * Depth 3: A reads the length of a full buffer, then gets that index; B clears the buffer and
   * refills it. A fails when its get comes after the clear but before the refill ends: A's length
   * before the clear, the clear before A's get, A's get before B's last add.
   */
  private static final Task GET_AFTER_CLEAR = () -> {
    int capacity = 6;
    Shared count = new Shared();
    count.value = capacity;
    Thread a = start("A", () -> {
      read(count);
      int n = count.value;
      read(count);
      if (n > count.value) throw new AssertionError("get(" + n + ") of " + count.value);
    });
    Thread b = start("B", () -> {
      write(count);
      count.value = 0;
      for (int i = 0; i < capacity; i++) {
        write(count);
        count.value++;
      }
    });
    join(a);
    join(b);
  };

  static Stream<Arguments> programs() {
    return Stream.of(
        Arguments.of("read before write", 1, READ_BEFORE_WRITE),
        Arguments.of("lost update", 2, LOST_UPDATE),
        Arguments.of("get after clear", 3, GET_AFTER_CLEAR));
  }

  @ParameterizedTest(name = "{0}: depth {1}")
  @MethodSource("programs")
  void hitRateIsAtLeastTheBound(String name, int depth, Task program) {
    // k is the longest execution seen, which is also PCT's own estimate of it after the first.
    int steps = Scheduler.execute(config(), new RandomWalk(), seed(0), program).steps();
    Pct pct = new Pct(depth, steps);
    int hits = 0;
    for (int i = 0; i < SEEDS; i++) {
      ExecutionResult r = Scheduler.execute(config(), pct, seed(i), program);
      steps = Math.max(steps, r.steps());
      if (r.outcome() == Outcome.EXCEPTION) {
        hits++;
      } else {
        assertEquals(Outcome.PASSED, r.outcome(), r.report());
      }
    }
    double bound = 1.0 / (THREADS * Math.pow(steps, depth - 1));
    double rate = (double) hits / SEEDS;
    System.out.printf("PCT on %s (d=%d, n=%d, k=%d): %d of %d executions, rate %.5f, bound %.5f%n",
        name, depth, THREADS, steps, hits, SEEDS, rate, bound);
    assertTrue(rate >= bound, name + ": PCT found the depth-" + depth + " bug in " + hits + " of "
        + SEEDS + " executions, a rate of " + rate + ", below the bound 1/(n k^(d-1)) = " + bound
        + " for n = " + THREADS + ", k = " + steps);
  }
}
