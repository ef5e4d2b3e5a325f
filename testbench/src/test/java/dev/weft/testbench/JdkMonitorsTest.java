package dev.weft.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.FailureKind;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.api.WeftInternalException;
import dev.weft.testbench.programs.CopyWhileHeld;
import dev.weft.testbench.programs.CopyWhileHeldDeadlock;
import dev.weft.testbench.programs.SynchronizedMapDeadlock;
import dev.weft.testbench.programs.TimerCancelTooEarly;
import dev.weft.testbench.programs.TimerTaskAwait;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JDK's own monitors, shared by controlled threads: a check-then-act over each of the JDK's
 * synchronized classes is found by systematic search (each used to be proved correct in one
 * execution) and replays, with the trace at the program's lines; the same check-then-act under the
 * client-side lock is proved correct; a deadlock through JDK monitors names its cycle; a timer's
 * thread waits inside the JDK without holding the turn; a thread inside a synchronized JDK method
 * that calls back into the program lets others run; and a monitor the program never shares
 * ({@code System.out}'s) adds no scheduling point.
 */
class JdkMonitorsTest {
  /** One of the JDK's synchronized classes, and how to make one holding nothing. */
  record Shared(String name, Supplier<Collection<String>> empty) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Shared> collections() {
    return Stream.of(
        new Shared("Vector", Vector::new),
        new Shared("Stack", Stack::new),
        new Shared("synchronizedList", () -> Collections.synchronizedList(new ArrayList<>())),
        new Shared("synchronizedSet", () -> Collections.synchronizedSet(new HashSet<>())),
        new Shared("synchronizedCollection",
            () -> Collections.synchronizedCollection(new ArrayList<>())),
        new Shared("synchronizedNavigableSet",
            () -> Collections.synchronizedNavigableSet(new TreeSet<>())));
  }

  @ParameterizedTest
  @MethodSource("collections")
  void checkThenActIsFoundAndShownAtTheProgramsLines(Shared shared) {
    Failure f = foundAndReplayed(shared.name(), () -> addOnceEach(shared.empty().get(), false));
    assertTrue(f.summary().contains("added 2 times"), f.summary());
    assertTrue(f.trace().contains("JdkMonitorsTest.java:"), f.trace());
    assertFalse(f.trace().matches("(?s).*(Collections|Vector|Hashtable)\\.java.*"), f.trace());
  }

  @ParameterizedTest
  @MethodSource("collections")
  void checkThenActUnderTheCollectionsMonitorIsProved(Shared shared) {
    proved(shared.name() + "-locked", () -> addOnceEach(shared.empty().get(), true));
  }

  /** Two threads add "k" unless present; with {@code locked}, holding the collection's monitor. */
  private static void addOnceEach(Collection<String> c, boolean locked)
      throws InterruptedException {
    AtomicInteger adds = new AtomicInteger();
    Runnable check = () -> {
      if (!c.contains("k")) {
        c.add("k");
        adds.incrementAndGet();
      }
    };
    Runnable addOnce = !locked ? check : () -> {
      synchronized (c) {
        check.run();
      }
    };
    twoThreads(addOnce, addOnce);
    if (adds.get() != 1) throw new AssertionError("added " + adds.get() + " times");
  }

  @Test
  void hashtableAndStringBufferCheckThenActAreFound() {
    Failure table = foundAndReplayed("Hashtable", () -> {
      Hashtable<String, Integer> owners = new Hashtable<>();
      AtomicInteger puts = new AtomicInteger();
      Runnable claim = () -> {
        if (owners.get("k") == null) {
          owners.put("k", 1);
          puts.incrementAndGet();
        }
      };
      twoThreads(claim, claim);
      if (puts.get() != 1) throw new AssertionError("put " + puts.get() + " times");
    });
    assertTrue(table.summary().contains("put 2 times"), table.summary());
    Failure buffer = foundAndReplayed("StringBuffer", () -> {
      StringBuffer log = new StringBuffer();
      Runnable first = () -> {
        if (log.length() == 0) log.append("first");
      };
      twoThreads(first, first);
      if (!log.toString().equals("first")) throw new AssertionError("log: " + log);
    });
    assertTrue(buffer.summary().contains("log: firstfirst"), buffer.summary());
  }

  @Test
  void aDeadlockThroughTheJdksMonitorsNamesItsCycle() {
    ExplorationResult result = dfs("deadlock", () -> SynchronizedMapDeadlock.main(new String[0]));
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertEquals(FailureKind.DEADLOCK, f.kind(), f.message());
    assertTrue(f.details().contains("Cycle: T1 (left-to-right) -> T2 (right-to-left) -> T1"),
        f.details());
    assertTrue(f.details().contains("waits to enter SynchronizedMap#"), f.details());
    assertTrue(f.details().contains("SynchronizedMapDeadlock.java:"), f.details());
  }

  @Test
  void aTimersThreadWaitsForWorkWithoutHoldingTheTurn() {
    proved("timer", () -> TimerTaskAwait.main(new String[0]));
    ExplorationResult result = dfs("timer-cancelled", () -> TimerCancelTooEarly.main(new String[0]));
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    assertTrue(f.summary().contains("cancelled before its task ran"), f.summary());
    // The timer thread's steps, in the JDK, are shown where they are: no line of the program's
    // leads there, and a line of the JDK's would differ between releases.
    assertTrue(f.trace().contains("enter TaskQueue#1  Timer.java"), f.trace());
    assertFalse(f.trace().contains("Timer.java:"), f.trace());
  }

  @Test
  void aCallbackInsideASynchronizedMethodLetsOtherThreadsRun() {
    // T1 runs the program's code inside Vector.forEach, which holds the vector's monitor: another
    // thread may run meanwhile, and one that adds waits for the monitor in the model, not for real.
    proved("callback", () -> {
      Vector<String> v = new Vector<>(List.of("a"));
      AtomicInteger seen = new AtomicInteger();
      AtomicInteger other = new AtomicInteger();
      twoThreads(() -> v.forEach(x -> seen.incrementAndGet()), () -> {
        other.incrementAndGet();
        v.add("b");
      });
      if (seen.get() < 1 || seen.get() > 2) throw new AssertionError("saw " + seen.get());
    });
  }

  @Test
  void aCopyInsideTheJdkWaitsForTheMonitorWithoutHoldingTheTurn() {
    // new ArrayList<>(vector) and String.valueOf(buffer) take the monitors inside the JDK, with no
    // scheduling point before: while the other thread holds them, the copier blocks inside the JVM.
    proved("copy-while-held", () -> CopyWhileHeld.main(new String[0]));
  }

  @Test
  void aDeadlockThroughACopyInsideTheJdkNamesItsCycleAndReplays() {
    Failure f = foundAndReplayed("copy-deadlock", () -> CopyWhileHeldDeadlock.main(new String[0]));
    assertEquals(FailureKind.DEADLOCK, f.kind(), f.message());
    assertTrue(f.details().contains("Cycle: T1 (copier) -> T2 (adder) -> T1 (copier)"),
        f.details());
    // The copier waits at the program's line that copies, where the JDK took the monitor.
    assertTrue(f.details().matches("(?s).*T1 \\(copier\\) holds Vector#\\d \\(entered at"
        + " CopyWhileHeldDeadlock.java:24\\) and waits to enter Vector#\\d at"
        + " CopyWhileHeldDeadlock.java:26, held by T2 \\(adder\\).*"), f.details());
  }

  @Test
  void aMonitorTheProgramNeverSharesAddsNoSchedulingPoint() {
    Map<String, Integer> counts = new HashMap<>();
    ExplorationResult quiet = proved("quiet", () -> twoThreads(() -> { }, () -> { }));
    ExplorationResult printing = proved("printing",
        () -> twoThreads(() -> System.out.println("one"), () -> System.out.println("two")));
    counts.put("quiet", quiet.executions());
    counts.put("printing", printing.executions());
    assertEquals(quiet.executions(), printing.executions(), counts.toString());
  }

  @Test
  void aBlockOnAJdkMonitorWeftDoesNotModelEndsAsWeftsOwnFailureSayingSo() {
    // Each thread copies one stream into the other through a counting sink: writeTo holds its
    // stream's monitor while the sink writes into the other stream, whose monitor the other thread
    // holds. A real deadlock, inside JDK code whose monitors Weft does not model: it used to end
    // stuck at the execution's deadline, reported as the program's bug with no trace.
    ByteArrayOutputStream[] streams = new ByteArrayOutputStream[2];
    Body crossCopies = () -> {
      streams[0] = new ByteArrayOutputStream();
      streams[1] = new ByteArrayOutputStream();
      streams[0].write(0);
      streams[1].write(1);
      twoThreads(() -> copy(streams[0], streams[1]), () -> copy(streams[1], streams[0]));
    };
    WeftInternalException e = assertThrows(WeftInternalException.class,
        () -> Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.RANDOM).seed(1)
            .iterations(1_000).outputDir(Budget.OUTPUT).testName("JdkMonitorsTest.unmodelled")
            .build(), crossCopies));
    assertTrue(e.getMessage().startsWith("Weft cannot go on: T"), e.getMessage());
    assertTrue(e.getMessage().contains("blocked inside the JVM entering the monitor of a"
        + " java.io.ByteArrayOutputStream that T"), e.getMessage());
    assertTrue(e.getMessage().contains("called from JdkMonitorsTest.java:"), e.getMessage());
    assertTrue(e.getMessage().contains("no bug is reported"), e.getMessage());
  }

  /** Copies {@code from} into {@code to}, counting the bytes on the way: a scheduling point each. */
  private static void copy(ByteArrayOutputStream from, ByteArrayOutputStream to) {
    AtomicInteger copied = new AtomicInteger();
    try {
      from.writeTo(new OutputStream() {
        @Override
        public void write(int b) {
          copied.incrementAndGet();
          to.write(b);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void twoThreads(Runnable a, Runnable b) throws InterruptedException {
    Thread t1 = new Thread(a);
    Thread t2 = new Thread(b);
    t1.start();
    t2.start();
    t1.join();
    t2.join();
  }

  private static ExplorationResult dfs(String name, Body body) {
    return Weft.exploreInterleavings(Options.builder().strategy(StrategyKind.DFS)
        .iterations(10_000).outputDir(Budget.OUTPUT).testName("JdkMonitorsTest." + name).build(),
        body);
  }

  private static ExplorationResult proved(String name, Body body) {
    ExplorationResult result = dfs(name, body).assertNoFailure();
    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
    return result;
  }

  private static Failure foundAndReplayed(String name, Body body) {
    ExplorationResult result = dfs(name, body);
    Failure f = result.failure().orElseThrow(() -> new AssertionError(result.summary()));
    ReplayResult replay = Weft.replay(f.schedule(), body);
    assertEquals(ReplayResult.Status.REPRODUCED, replay.status(), replay.message());
    assertEquals(f.trace(), replay.trace(), "the replayed trace differs from the reported one");
    return f;
  }
}
