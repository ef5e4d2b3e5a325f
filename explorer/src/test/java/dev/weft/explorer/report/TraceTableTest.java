package dev.weft.explorer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's exact shape, and loops shown once. */
class TraceTableTest {
  private static TraceEvent event(int step, int thread, Operation op, String target, String why) {
    return new TraceEvent(step, thread, op, target, -1, null, why);
  }

  @Test
  void aRepeatedBlockIsShownOnceWithItsIterations() {
    List<TraceEvent> events = new ArrayList<>();
    events.add(event(0, 0, Operation.START, "T1", null));
    int step = 1;
    for (int i = 0; i < 5; i++) {
      events.add(event(step++, 1, Operation.VOLATILE_READ, "Flag#1.set", "T0 preempted"));
      events.add(event(step++, 0, Operation.VOLATILE_READ, "Flag#2.set", "T1 preempted"));
    }
    events.add(event(step, 0, Operation.END, null, null));

    String expected = String.join("\n",
        " step | T0              | T1",
        "------+-----------------+----------------",
        "    0 | start T1        |",
        "      ~ switch: T0 preempted",
        "    1 |                 | read Flag#1.set",
        "      ~ switch: T1 preempted",
        "    2 | read Flag#2.set |",
        "      ~ <iterations 2-5 of the 2 rows above: steps 3-10>",
        "   11 | end             |",
        "");
    assertEquals(expected, TraceTable.render(events, List.of("T0", "T1")));
  }

  @Test
  void aLongTraceWithoutLoopsShowsItsStartAndEnd() {
    List<TraceEvent> events = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      events.add(event(i, i % 7 == 0 ? 1 : 0, Operation.VOLATILE_READ, "X#" + (i % 5), null));
    }
    String table = TraceTable.render(events, List.of("T0", "T1"));
    assertEquals(true, table.contains("~ <760 rows not shown: steps 120-879>"), table);
    assertEquals(true, table.contains("  999 |"), "the last row is shown");
  }

  @Test
  void rowsThatDoNotRepeatThreeTimesStay() {
    List<TraceEvent> events = List.of(
        event(0, 0, Operation.YIELD, null, null),
        event(1, 0, Operation.YIELD, null, null),
        event(2, 0, Operation.END, null, null));
    String table = TraceTable.render(events, List.of("T0"));
    assertEquals(5, table.lines().count(), table);
  }

  @Test
  void manyThreadsGetOneLinePerStepNamingTheThread() {
    List<String> names = new ArrayList<>();
    for (int t = 0; t <= TraceTable.MAX_COLUMNS; t++) names.add("T" + t);
    names.set(3, "T3 (worker)");
    List<TraceEvent> events = List.of(
        event(0, 0, Operation.START, "T3", null),
        event(1, 3, Operation.VOLATILE_WRITE, "Flag#1.set", "T0 preempted"),
        event(2, 8, Operation.END, null, "T3 preempted"));

    String expected = String.join("\n",
        " step | thread      | operation",
        "------+-------------+-----------------",
        "    0 | T0          | start T3",
        "      ~ switch: T0 preempted",
        "    1 | T3 (worker) | write Flag#1.set",
        "      ~ switch: T3 preempted",
        "    2 | T8          | end",
        "");
    assertEquals(expected, TraceTable.render(events, names));
  }

  @Test
  void columnsTooWideForAScreenAlsoBecomeLines() {
    String wide = "X".repeat(60) + "#1.f"; // each cell 70 characters: three columns pass 200
    List<TraceEvent> events = List.of(
        event(0, 0, Operation.VOLATILE_READ, wide, null),
        event(1, 1, Operation.VOLATILE_READ, wide, null),
        event(2, 2, Operation.VOLATILE_READ, wide, null));
    String table = TraceTable.render(events, List.of("T0", "T1", "T2"));
    assertTrue(table.startsWith(" step | thread | operation\n"), table);
    assertTrue(table.lines().allMatch(line -> line.length() <= TraceTable.MAX_WIDTH), table);

    String narrow = TraceTable.render(events.subList(0, 2), List.of("T0", "T1"));
    assertTrue(narrow.startsWith(" step | T0"), "two such columns still fit:\n" + narrow);
  }
}
