package dev.weft.explorer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.samples.property.Banks;
import dev.weft.samples.property.Publications;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The happens-before order in an ExecutionTrace: an invariant asking for it catches a value
 * published through a plain flag (found, replayed to the identical trace and order) and proves the
 * volatile flag; {@code after} orders operations and transfers without a lock stay concurrent.
 */
class HappensBeforeTest {
  private static ConcurrentScenario<Publications.Publication> publication(
      Supplier<Publications.Publication> flag) {
    return ConcurrentScenario.<Publications.Publication>setup(flag)
        .thread("writer", p -> {
          p.publish(42);
          return null;
        })
        .thread("reader", Publications.Publication::read)
        .traceInvariant("a reader that sees the value happens after the writer",
            t -> t.<Integer>result("reader") == -1 || t.happensBefore("writer", "reader"));
  }

  private static Options dfs(String name) {
    return Options.builder().iterations(1_000).testName(name).build();
  }

  @Test
  void aValueSeenThroughAPlainFlagIsNotOrderedAfterItsWrite() {
    ForAllInterleavings<Publications.Publication> property = Properties
        .forAllInterleavings(publication(Publications.PlainFlag::new), trace -> { })
        .withOptions(dfs("plain-flag"));
    InterleavingResult<Publications.Publication> r = property.check();
    assertEquals(InterleavingResult.Verdict.FAILED, r.verdict(), r.report());
    Failure f = r.failure().orElseThrow();
    assertTrue(f.summary().contains(
        "invariant 'a reader that sees the value happens after the writer' failed"), f.summary());
    ExecutionTrace<Publications.Publication> failing = r.failingTrace().orElseThrow();
    assertEquals(42, failing.<Integer>result("reader"));
    assertFalse(failing.happensBefore("writer", "reader"), failing.toString());
    assertTrue(failing.happensBefore().concurrent("writer", "reader"), failing.toString());

    ScenarioExecution<Publications.Publication> again = property.executeInterleaving(f.schedule());
    assertEquals(ReplayResult.Status.REPRODUCED, again.replay().status(), again.replay().message());
    assertEquals(f.trace(), again.replay().trace());
    assertEquals(failing.operations(), again.trace().orElseThrow().operations());
    assertEquals(List.of(), again.trace().orElseThrow().happensBefore().pairs());
  }

  @Test
  void aVolatileFlagOrdersEveryReaderThatSeesTheValue() {
    InterleavingResult<Publications.Publication> r = Properties
        .forAllInterleavings(publication(Publications.VolatileFlag::new), trace -> { })
        .withOptions(dfs("volatile-flag")).check();
    r.assertProved();
  }

  @Test
  void theVolatileFlagsOrderIsInTheTraceWhenTheReaderSawTheValue() {
    // The check fails on purpose in the interleaving where the reader sees the value, to get it.
    InterleavingResult<Publications.Publication> r = Properties
        .forAllInterleavings(publication(Publications.VolatileFlag::new),
            trace -> assertEquals(-1, trace.<Integer>result("reader")))
        .withOptions(dfs("volatile-flag-seen")).check();
    ExecutionTrace<Publications.Publication> seen = r.failingTrace().orElseThrow();
    assertEquals(42, seen.<Integer>result("reader"));
    assertTrue(seen.happensBefore("writer", "reader"), seen.toString());
    assertFalse(seen.happensBefore("reader", "writer"), seen.toString());
    assertEquals(List.of(new Pair<>("writer", "reader")), seen.happensBefore().pairs());
    assertTrue(seen.toString().contains("  happens before: [writer < reader]\n"), seen.toString());
  }

  @Test
  void afterOrdersTheAuditAfterBothTransfers() {
    ConcurrentScenario<Banks.Locked> scenario = ConcurrentScenario
        .setup(() -> new Banks.Locked(100, 100))
        .thread("a-to-b", b -> b.transfer(0, 1, 60))
        .thread("b-to-a", b -> b.transfer(1, 0, 30))
        .thread("audit", Banks.Unlocked::total).after("a-to-b", "b-to-a")
        .traceInvariant("the audit happens after both transfers",
            t -> t.happensBefore("a-to-b", "audit") && t.happensBefore("b-to-a", "audit")
                && !t.happensBefore("audit", "a-to-b"));
    Properties.forAllInterleavings(scenario, trace -> { })
        .withOptions(dfs("audit-after")).check().assertProved();
  }

  @Test
  void anUnknownThreadIsNamedWithTheScenariosThreads() {
    InterleavingResult<Publications.Publication> r = Properties
        .forAllInterleavings(publication(Publications.VolatileFlag::new),
            trace -> trace.happensBefore("writer", "nobody"))
        .withOptions(dfs("unknown-thread")).check();
    assertTrue(r.failure().orElseThrow().summary().contains(
        "no thread named 'nobody' in this scenario; its threads: [writer, reader]"),
        r.failure().orElseThrow().summary());
  }

  @Test
  void withoutATraceTheOrderIsUnknownAndSaysSo() {
    HappensBefore unknown = HappensBefore.of(List.of("a", "b"), List.of(), List.of(), List.of());
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> unknown.before("a", "b"));
    assertTrue(e.getMessage().startsWith("the happens-before order is known only of an execution"
        + " Weft ran and traced"), e.getMessage());
    assertEquals("unknown", unknown.toString());
    assertThrows(NoSuchElementException.class, () -> unknown.before("a", "c"));
  }
}
