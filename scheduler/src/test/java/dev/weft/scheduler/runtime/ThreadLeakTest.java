package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.waitOn;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.weft.scheduler.strategy.RandomWalk;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every execution ends all of its threads before {@link Scheduler#execute} returns, including
 * threads that hold real monitors or sit in a real {@code Object.wait} when a deadlock ends it.
 */
class ThreadLeakTest {
  static final class LockA {}

  static final class LockB {}

  /**
   * Deadlocks in every schedule: each thread takes its first monitor and spins until the other has
   * taken its own, then asks for the other's. A third thread waits forever in an emulated wait.
   */
  private static final Task ALWAYS_DEADLOCKS = () -> {
    LockA a = new LockA();
    LockB b = new LockB();
    Object w = new Object();
    boolean[] held = {false, false};
    Thread ab = start("ab", () -> locked(a, () -> {
      write(held);
      held[0] = true;
      do read(held); while (!held[1]);
      locked(b, () -> {});
    }));
    Thread ba = start("ba", () -> locked(b, () -> {
      write(held);
      held[1] = true;
      do read(held); while (!held[0]);
      locked(a, () -> {});
    }));
    Thread waiter = start("waiter", () -> locked(w, () -> {
      while (true) waitOn(w);
    }));
    join(ab);
    join(ba);
    join(waiter);
  };

  @Test
  void aThousandDeadlockedExecutionsLeaveNoThreadBehind() throws InterruptedException {
    Scheduler.execute(config(), new RandomWalk(), seed(-1), ALWAYS_DEADLOCKS); // loads classes
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    for (int i = 0; i < 1000; i++) {
      ExecutionResult r = Scheduler.execute(config(), new RandomWalk(), seed(i), ALWAYS_DEADLOCKS);
      assertEquals(Outcome.DEADLOCK, r.outcome(), r.report());
      assertFalse(r.leaked(), "execution " + i);
    }

    // execute() has joined its threads, so no thread should be new; the short grace only lets a
    // JVM-internal helper that something else started (none is expected) finish. A JVM thread
    // that ended meanwhile (an idle pool worker timing out) is no leak.
    Set<Thread> leaked = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
    leaked.removeAll(before);
    for (int i = 0; i < 20 && !leaked.isEmpty(); i++) {
      Thread.sleep(50);
      leaked.retainAll(Thread.getAllStackTraces().keySet());
    }
    assertEquals(Set.of(), names(leaked));
  }

  private static Set<String> names(Set<Thread> threads) {
    return threads.stream()
        .map(t -> t.getName() + "#" + t.getId())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
