package dev.weft.scheduler.runtime;

import static dev.weft.scheduler.testing.Simulated.config;
import static dev.weft.scheduler.testing.Simulated.assertReplays;
import static dev.weft.scheduler.testing.Simulated.join;
import static dev.weft.scheduler.testing.Simulated.locked;
import static dev.weft.scheduler.testing.Simulated.read;
import static dev.weft.scheduler.testing.Simulated.schedulingPoint;
import static dev.weft.scheduler.testing.Simulated.seed;
import static dev.weft.scheduler.testing.Simulated.start;
import static dev.weft.scheduler.testing.Simulated.waitOn;
import static dev.weft.scheduler.testing.Simulated.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.scheduler.strategy.RandomWalk;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A throwable escaping a child thread fails the execution; every other thread is unwound. */
class UncaughtExceptionTest {
  @Test
  void anExceptionInAChildFailsTheExecutionAndUnwindsTheOthers() {
    for (int i = 0; i < 20; i++) {
      Queue<String> unwound = new ConcurrentLinkedQueue<>();
      Queue<Thread> threads = new ConcurrentLinkedQueue<>();
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Task program = () -> {
        threads.add(Thread.currentThread());
        Object waitLock = new Object();
        Object heldLock = new Object();
        boolean[] inside = {false, false}; // waiter, holder: both have begun their bodies
        threads.add(start("waiter", () -> {
          try {
            locked(waitLock, () -> {
              write(inside);
              inside[0] = true;
              while (true) waitOn(waitLock);
            });
          } finally {
            unwound.add("waiter");
          }
        }));
        threads.add(start("holder", () -> {
          try {
            locked(heldLock, () -> {
              write(inside);
              inside[1] = true;
              while (true) schedulingPoint(); // holds a real monitor while it spins
            });
          } finally {
            unwound.add("holder");
          }
        }));
        Thread thrower = start("thrower", () -> {
          do read(inside); while (!inside[0] || !inside[1]); // so both have finally blocks to run
          IllegalStateException boom = new IllegalStateException("boom");
          thrown.set(boom);
          throw boom;
        });
        threads.add(thrower);
        try {
          join(thrower);
        } finally {
          unwound.add("body");
        }
      };
      ExecutionResult r = Scheduler.execute(config(), new RandomWalk(), seed(i), program);

      assertEquals(Outcome.EXCEPTION, r.outcome(), r.report());
      assertEquals("T3 (thrower) threw java.lang.IllegalStateException: boom", r.report());
      assertEquals(3, r.thread());
      assertEquals("T3 (thrower)", r.threadNames().get(r.thread()));
      assertSame(thrown.get(), r.error());
      assertFalse(r.leaked());
      assertEquals(List.of("body", "holder", "waiter"), unwound.stream().sorted().toList());
      for (Thread t : threads) assertFalse(t.isAlive(), t.getName() + " still alive");
      assertReplays(config(), r, program);
    }
  }
}
