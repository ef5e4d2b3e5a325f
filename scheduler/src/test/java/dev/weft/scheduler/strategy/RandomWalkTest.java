package dev.weft.scheduler.strategy;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.testing.FixedView;
import dev.weft.scheduler.trace.Choices;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomWalkTest {
  /** Three threads writing a shared field five times each: many scheduling choices. */
  static final Task THREE_WRITERS = () -> {
    Object shared = new Object();
    Task writer = () -> {
      for (int i = 0; i < 5; i++) write(shared);
    };
    Thread a = start("a", writer);
    Thread b = start("b", writer);
    Thread c = start("c", writer);
    join(a);
    join(b);
    join(c);
  };

  @Test
  void theSameSeedGivesTheSameChoices() {
    Set<Choices> distinct = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Choices first = Scheduler.execute(config(), new RandomWalk(), seed(i), THREE_WRITERS).choices();
      Choices second = Scheduler.execute(config(), new RandomWalk(), seed(i), THREE_WRITERS).choices();
      assertEquals(first, second, "seed " + i);
      distinct.add(first);
    }
    assertTrue(distinct.size() >= 15, "seeds gave only " + distinct.size() + " schedules");
  }

  @Test
  void picksEveryEnabledThreadAndNothingElse() {
    RandomWalk random = new RandomWalk();
    random.beginExecution(7);
    FixedView view = new FixedView();
    int[] picked = new int[5];
    for (int step = 1; step <= 3000; step++) {
      picked[random.pickThread(view.set(step, 1, 5, 1, 3, 4))]++;
    }
    assertEquals(0, picked[0] + picked[2], "a disabled thread was picked");
    for (int id : new int[] {1, 3, 4}) {
      assertTrue(picked[id] > 850 && picked[id] < 1150, "T" + id + " picked " + picked[id] + " times");
    }
  }

  @Test
  void aNewThreadsBeginIsAsLikelyAsItsParentsNextOperation() {
    // A new thread's first scheduling point is its begin, before its first instruction: the first
    // choice after the start is between the child's begin and the parent's write, the second (once
    // the child has begun) between the child's read and that write. The child reads first in a
    // quarter of the executions.
    int childFirst = 0;
    int runs = 2_000;
    RandomWalk random = new RandomWalk();
    for (int i = 0; i < runs; i++) {
      int[] value = {0};
      boolean[] sawZero = {false};
      Object cell = new Object();
      Scheduler.execute(config(), random, seed(i), () -> {
        Thread child = start("child", () -> {
          read(cell);
          sawZero[0] = value[0] == 0;
        });
        write(cell);
        value[0] = 1;
        join(child);
      });
      if (sawZero[0]) childFirst++;
    }
    double share = childFirst / (double) runs;
    assertTrue(share > 0.20 && share < 0.30, "child first in " + share + " of executions");
  }
}
