package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.assertSequence;
import static dev.weft.agent.testing.Bytecode.count;
import static dev.weft.agent.testing.Bytecode.lineOf;
import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.method;
import static dev.weft.agent.testing.Bytecode.sites;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.agent.testing.InstrumentingLoader;
import dev.weft.scheduler.trace.Site;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

/** Calls into java.util.concurrent, and the reads of values from outside the schedule. */
class ConcurrentCallRuleTest {
  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void eachConcurrentCallGetsAPointNamedAfterItAndAReturnHook() {
    MethodNode calls = method(loader.rewritten("ConcurrentSample"), "calls");
    List<Site> writes = sites(calls, "call");
    List<String> names = writes.stream().map(Site::detail).toList();
    assertEquals(List.of("ReentrantLock.lock", "AtomicLong.addAndGet", "ReentrantLock.unlock",
        "ReentrantLock.unlock", "ArrayBlockingQueue.offer", "Executors.newSingleThreadExecutor",
        "ExecutorService.shutdown"), names);
    assertEquals(List.of("AtomicLong.get", "ArrayBlockingQueue.size"),
        sites(calls, "callRead").stream().map(Site::detail).toList());
    assertEquals(lineOf("ConcurrentSample", "lock"), writes.get(0).line());
    // The offer tells whether it did anything: its result goes to attemptReturned instead.
    assertEquals(writes.size() + 2 - 1, count(calls, "hook:callReturned"));
    assertEquals(1, count(calls, "hook:attemptReturned"));
  }

  @Test
  void attemptsHandTheirResultToTheRuntime() {
    MethodNode attempts = method(loader.rewritten("AttemptSample"), "attempts");
    // compareAndSet on an atomic and a VarHandle twice each, offer, tryLock: a copy of the boolean.
    assertSequence(attempts, 6, "DUP", "hook:attemptReturned");
    assertSequence(attempts, 2, "DUP", "hook:pollReturned");
    assertEquals(1, count(attempts, "hook:onSpinWait"));
  }

  @Test
  void clockHashAndRandomCallsAreReplacedAndAllocationsReported() {
    MethodNode values = method(loader.rewritten("ConcurrentSample"), "outsideValues");
    List<String> hooks = listing(values).stream().filter(e -> e.startsWith("hook:")).toList();
    assertEquals(List.of("hook:nanoTime", "hook:currentTimeMillis", "hook:allocated",
        "hook:allocated", "hook:hashCode", "hook:identityHashCode", "hook:mathRandom"),
        hooks.stream().filter(h -> !h.startsWith("hook:call")).toList(), "" + listing(values));
  }

  @Test
  void rewrittenCodeBehavesAsBefore() throws Throwable {
    assertEquals(43L, loader.call("ConcurrentSample", "calls"));
    assertEquals(true, loader.call("ConcurrentSample", "outsideValues"));
    assertEquals("falsetruefalsetruenulltruextrue", loader.call("AttemptSample", "attempts"));
  }
}
