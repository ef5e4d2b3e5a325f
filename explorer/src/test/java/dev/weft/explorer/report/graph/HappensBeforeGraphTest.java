package dev.weft.explorer.report.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.explorer.report.Steps;
import dev.weft.samples.graph.SyncSamples;
import dev.weft.scheduler.runtime.ExecutionConfig;
import dev.weft.scheduler.runtime.ExecutionResult;
import dev.weft.scheduler.runtime.Outcome;
import dev.weft.scheduler.runtime.Scheduler;
import dev.weft.scheduler.runtime.Task;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The edges of each kind of synchronization, exactly, on the small programs of {@link SyncSamples}
 * run under one fixed schedule. Each edge reads {@code step thread operation -> step thread
 * operation (kind)}.
 */
class HappensBeforeGraphTest {
  /** Runs {@code sample} once, newest thread first, with tracing on, and builds its graph. */
  static HappensBeforeGraph graphOf(Task sample) {
    ExecutionResult r = Scheduler.execute(
        new ExecutionConfig(1_000, TimeUnit.SECONDS.toNanos(10), false, true), new NewestFirst(),
        0, sample);
    assertEquals(Outcome.PASSED, r.outcome(), r::report);
    HappensBeforeGraph hb = HappensBeforeGraph.of(r.trace(), r.threadNames());
    assertEquals(programOrderOf(hb), edges(hb, true), "program order: each thread's steps in turn");
    return hb;
  }

  /** The edges of program order ({@code programOrder}) or all the others, in the graph's order. */
  static List<String> edges(HappensBeforeGraph hb, boolean programOrder) {
    return hb.graph().edgeSet().stream()
        .filter(e -> (e.kind() == EdgeKind.PROGRAM_ORDER) == programOrder)
        .map(e -> edge(hb, e.from(), e.to(), e.kind()))
        .toList();
  }

  private static List<String> programOrderOf(HappensBeforeGraph hb) {
    Map<Integer, TraceEvent> last = new HashMap<>();
    List<String> expected = new ArrayList<>();
    for (TraceEvent e : hb.steps()) {
      TraceEvent previous = last.put(e.thread(), e);
      if (previous != null) {
        expected.add(edge(hb, previous.step(), e.step(), EdgeKind.PROGRAM_ORDER));
      }
    }
    return expected;
  }

  private static String edge(HappensBeforeGraph hb, int from, int to, EdgeKind kind) {
    return node(hb, from) + " -> " + node(hb, to) + " (" + kind.label() + ")";
  }

  private static String node(HappensBeforeGraph hb, int step) {
    TraceEvent e = hb.steps().get(step);
    return step + " " + hb.threadOf(e) + " " + Steps.what(e);
  }

  @Test
  void programOrderLinksEachThreadsStepsAndNothingElseWithoutSynchronization() {
    HappensBeforeGraph hb = graphOf(SyncSamples::programOrder);
    assertEquals(List.of(
        "1 T1 begin -> 2 T1 write SyncSamples#1.value (program-order)",
        "2 T1 write SyncSamples#1.value -> 3 T1 write SyncSamples#1.value (program-order)",
        "3 T1 write SyncSamples#1.value -> 4 T1 end (program-order)",
        "0 T0 start T1 -> 5 T0 write SyncSamples#2.value (program-order)",
        "5 T0 write SyncSamples#2.value -> 6 T0 read SyncSamples#2.value (program-order)",
        "6 T0 read SyncSamples#2.value -> 7 T0 write SyncSamples#2.value (program-order)",
        "7 T0 write SyncSamples#2.value -> 8 T0 end (program-order)"), edges(hb, true));
    assertEquals(List.of("0 T0 start T1 -> 1 T1 begin (start)"), edges(hb, false));
  }

  @Test
  void eachReadIsOrderedAfterTheLatestWrite() {
    assertEquals(List.of(
        "0 T0 start T1 -> 1 T1 begin (start)",
        "2 T1 write SyncSamples#1.value -> 4 T0 read SyncSamples#1.value (reads-from)",
        "2 T1 write SyncSamples#1.value -> 5 T0 read SyncSamples#1.value (reads-from)",
        "7 T0 start T2 -> 9 T2 begin (start)",
        "6 T0 write SyncSamples#1.value -> 10 T2 read SyncSamples#1.value (reads-from)"),
        edges(graphOf(SyncSamples::volatileWriteThenReads), false));
  }

  @Test
  void aMonitorExitIsOrderedBeforeTheNextEnter() {
    assertEquals(List.of(
        "1 T0 start T1 -> 3 T1 begin (start)",
        "2 T0 exit Object#1 -> 4 T1 enter Object#1 (synchronizes-with)",
        "6 T1 end -> 7 T0 join T1 (join)"),
        edges(graphOf(SyncSamples::monitorExitThenEnter), false));
  }

  @Test
  void aThreadsEndIsSeenByJoinAndIsAliveButNotByATimedOutJoin() {
    assertEquals(List.of(
        "0 T0 start T1 -> 1 T1 begin (start)",
        "3 T1 end -> 4 T0 isAlive T1 (false) (join)",
        "3 T1 end -> 5 T0 join T1 (join)",
        "6 T0 start T2 -> 7 T2 begin (start)",
        "9 T2 wait Object#1 -> 11 T0 enter Object#1 (synchronizes-with)",
        "13 T0 exit Object#1 -> 14 T2 wake Object#1 (notified) (synchronizes-with)",
        "12 T0 notify Object#1 (woke T2) -> 14 T2 wake Object#1 (notified) (notify)",
        "16 T2 end -> 17 T0 join T2 (join)"),
        edges(graphOf(SyncSamples::startAndJoin), false));
  }

  @Test
  void aNotifyAllIsOrderedBeforeTheWakeupOfEveryThreadItWoke() {
    assertEquals(List.of(
        "0 T0 start T1 (first) -> 1 T1 (first) begin (start)",
        "4 T0 start T2 (second) -> 5 T2 (second) begin (start)",
        "3 T1 (first) wait Object#1 -> 6 T2 (second) enter Object#1 (synchronizes-with)",
        "7 T2 (second) wait Object#1 -> 8 T0 enter Object#1 (synchronizes-with)",
        "10 T0 exit Object#1 -> 11 T2 (second) wake Object#1 (notified) (synchronizes-with)",
        "9 T0 notifyAll Object#1 (woke T1 (first), T2 (second))"
            + " -> 11 T2 (second) wake Object#1 (notified) (notify)",
        "12 T2 (second) exit Object#1"
            + " -> 14 T1 (first) wake Object#1 (notified) (synchronizes-with)",
        "9 T0 notifyAll Object#1 (woke T1 (first), T2 (second))"
            + " -> 14 T1 (first) wake Object#1 (notified) (notify)",
        "16 T1 (first) end -> 17 T0 join T1 (first) (join)",
        "13 T2 (second) end -> 18 T0 join T2 (second) (join)"),
        edges(graphOf(SyncSamples::notifyAllWakesBoth), false));
  }

  @Test
  void anInterruptIsOrderedBeforeTheWakeupItCauses() {
    assertEquals(List.of(
        "0 T0 start T1 -> 1 T1 begin (start)",
        "4 T0 interrupt T1 -> 5 T1 wake Object#1 (interrupted) (interrupt)",
        "7 T1 end -> 8 T0 join T1 (join)"),
        edges(graphOf(SyncSamples::interruptWakesAWaiter), false));
  }

  @Test
  void anInterruptIsOrderedBeforeEveryStepThatSeesIt() {
    assertEquals(List.of(
        "1 T0 start T1 -> 2 T1 begin (start)",
        "4 T0 start T2 -> 6 T2 begin (start)",
        "3 T0 interrupt T1 -> 7 T2 isInterrupted T1 (true) (interrupt)",
        "5 T0 exit Object#1 -> 9 T1 enter Object#1 (synchronizes-with)",
        "3 T0 interrupt T1 -> 10 T1 wait Object#1 (already interrupted) (interrupt)",
        "12 T1 end -> 13 T0 join T1 (join)",
        "8 T2 end -> 14 T0 join T2 (join)"),
        edges(graphOf(SyncSamples::interruptSeenByAnotherThread), false));
  }
}
