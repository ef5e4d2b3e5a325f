package dev.weft.agent.rules;

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
    assertEquals(writes.size() + 2, count(calls, "hook:callReturned"));
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
  }
}
