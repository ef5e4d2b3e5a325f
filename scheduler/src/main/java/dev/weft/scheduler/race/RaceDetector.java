package dev.weft.scheduler.race;

import dev.weft.scheduler.runtime.IdentityTable;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds data races in one execution: plain field and array accesses of the program that
 * happens-before does not order, by vector clocks over the execution's synchronization.
 *
 * <p>Synchronization, by operation, on the location the step touches ({@link Locations}):
 *
 * <pre>
 *   acquire   enter, wake (re-entering after wait), volatile read, join, isAlive, isInterrupted
 *   release   exit, wait, volatile write, start (of the child), end, interrupt
 *   both      every call into java.util.concurrent, park, unpark, begin: one shared location
 * </pre>
 *
 * <p>{@code java.util.concurrent} hands work between threads inside its own code (a pool's worker
 * takes a task, a future completes), with no step that shows it. So, to report no race that is not
 * one: a thread that JDK code started sees every such call before each access, and every access
 * sees what those threads did so far. A race between a pool task and the code that submitted it is
 * then found when the submitter's access comes first. Used by the thread holding the turn only.
 */
public final class RaceDetector {
  private static final Object STATICS = new Object();
  private static final byte UNKNOWN = 0;
  private static final byte BENIGN = 1;
  private static final byte CHECKED = 2;

  private final RaceRules rules;
  private final List<VectorClock> threads = new ArrayList<>();
  private final List<Integer> startedByJdk = new ArrayList<>();
  private final Map<Long, VectorClock> locations = new HashMap<>();
  private final VectorClock concurrent = new VectorClock();
  private final IdentityTable<Map<Integer, Cell>> memory = new IdentityTable<>();
  private byte[] siteVerdicts = new byte[64];

  public RaceDetector(RaceRules rules) {
    this.rules = rules;
  }

  /** Thread {@code t} was started by JDK code: see the class comment. */
  public void startedByJdk(int t) {
    startedByJdk.add(t);
  }

  /** Thread {@code t} performed {@code op}, touching {@code location}. */
  public void synced(int t, Operation op, long location) {
    switch (op) {
      case MONITOR_ENTER, WAKE, VOLATILE_READ, JOIN, IS_ALIVE, IS_INTERRUPTED, CLASS_INIT,
          CLEAR_INTERRUPT, GET_STATE -> acquire(t, location);
      case MONITOR_EXIT, WAIT, VOLATILE_WRITE, START, END, INTERRUPT, CLASS_INITIALIZED ->
          release(t, location);
      case PARK, UNPARK, CALL, CALL_READ -> handsOver(t);
      case BEGIN -> {
        // Only a thread the JDK started begins with JDK code; a program's thread with its own.
        if (startedByJdk.contains(t)) handsOver(t);
      }
      default -> { }
    }
  }

  /** {@code t} called JDK code that may hand work to or from any other such call. */
  private void handsOver(int t) {
    VectorClock clock = clockOf(t);
    clock.join(concurrent);
    concurrent.join(clock);
    clock.increment(t);
  }

  /**
   * Thread {@code t} reads or writes the field of {@code site} in {@code holder} (null: a static
   * field). Returns the earlier access it races with, or null.
   *
   * @param event where the access stands in the trace, or -1 when not tracing
   */
  public DataRace.Access fieldAccess(int t, Object holder, int site, boolean write, int event) {
    if (isBenign(site)) return null;
    return access(t, holder == null ? STATICS : holder, SiteRegistry.detailNumber(site), write,
        site, event);
  }

  /** Thread {@code t} reads or writes element {@code index} of {@code array}; see above. */
  public DataRace.Access elementAccess(
      int t, Object array, int index, int site, boolean write, int event) {
    return access(t, array, index, write, site, event);
  }

  private DataRace.Access access(
      int t, Object holder, int slot, boolean write, int site, int event) {
    VectorClock clock = clockOf(t);
    for (int w : startedByJdk) {
      if (w != t) clock.join(clockOf(w));
    }
    if (startedByJdk.contains(t)) clock.join(concurrent);
    Map<Integer, Cell> cells = memory.get(holder);
    if (cells == null) {
      cells = new HashMap<>();
      memory.put(holder, cells);
    }
    Cell cell = cells.computeIfAbsent(slot, s -> new Cell());
    DataRace.Access earlier = cell.conflict(t, write, clock);
    // Recorded even when it races: a search that only watches goes on, and later accesses must
    // be compared with this one.
    cell.record(t, write, clock.get(t), site, event);
    return earlier;
  }

  private void acquire(int t, long location) {
    VectorClock released = locations.get(location);
    if (released != null) clockOf(t).join(released);
  }

  private void release(int t, long location) {
    VectorClock clock = clockOf(t);
    locations.computeIfAbsent(location, l -> new VectorClock()).join(clock);
    clock.increment(t);
  }

  /** A thread's clock; a new one starts from what its start released. */
  private VectorClock clockOf(int t) {
    while (threads.size() <= t) threads.add(null);
    VectorClock clock = threads.get(t);
    if (clock == null) {
      VectorClock started = locations.get(Locations.lifecycle(t));
      clock = started == null ? new VectorClock() : started.copy();
      clock.increment(t);
      threads.set(t, clock);
    }
    return clock;
  }

  private boolean isBenign(int site) {
    if (site < 0) return false;
    if (site >= siteVerdicts.length) {
      siteVerdicts = Arrays.copyOf(siteVerdicts, Math.max(site + 1, siteVerdicts.length * 2));
    }
    if (siteVerdicts[site] == UNKNOWN) {
      Site s = SiteRegistry.get(site);
      boolean benign = s != null && s.detail() != null && rules.isBenign(s.detail());
      siteVerdicts[site] = benign ? BENIGN : CHECKED;
    }
    return siteVerdicts[site] == BENIGN;
  }
}
