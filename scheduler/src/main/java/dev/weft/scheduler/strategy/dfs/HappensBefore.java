package dev.weft.scheduler.strategy.dfs;

import dev.weft.scheduler.view.Locations;
import dev.weft.scheduler.view.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The happens-before relation of one execution, by vector clocks, and its races.
 *
 * <p>An event is one step: the operation a thread was scheduled for, plus the accesses it makes
 * before its next scheduling point (monitor exits, unparks, interrupts from JDK code). Clock
 * component {@code t} of an event counts the events of thread {@code t} that happen before it (its
 * own included). As in Flanagan and Godefroid's DPOR (POPL 2005), a new event of thread {@code p}
 * races with an earlier dependent event {@code e} of another thread when {@code e} does not happen
 * before {@code p}'s previous event. The accesses an event makes after its operation are checked
 * the same way, against the same previous clock: an earlier event they conflict with must be
 * reversible with the step they belong to.
 */
final class HappensBefore {
  /** Events, in execution order. */
  private final List<Event> events = new ArrayList<>();
  /** Current clock of each thread: the clock of its last event. */
  private final List<int[]> threadClocks = new ArrayList<>();
  private final Map<Long, LocationState> locations = new HashMap<>();

  record Touch(long location, Access access) {}

  static final class Event {
    final int thread;
    final int node;
    final Operation op;
    final long location;
    final List<Touch> touches = new ArrayList<>(2);
    /** The thread's clock before this event: what its touches are checked for races against. */
    int[] prior;
    int[] clock;
    /** The list of races this event was last added to: so it is added to each at most once. */
    List<Event> racesListed;

    Event(int thread, int node, Operation op, long location) {
      this.thread = thread;
      this.node = node;
      this.op = op;
      this.location = location;
    }

    /** Whether this event happens before a point whose clock is {@code later}. */
    boolean happensBefore(int[] later) {
      return thread < later.length && later[thread] >= clock[thread];
    }
  }

  /** The last write of a location and the reads since; the last acquisition of a monitor. */
  private static final class LocationState {
    Event lastWrite;
    final List<Event> readsSince = new ArrayList<>();
    Event lastAcquire;
  }

  void clear() {
    events.clear();
    threadClocks.clear();
    locations.clear();
  }

  List<Event> events() {
    return events;
  }

  /** The clock of thread {@code t} now (all zeros before its first event). */
  int[] clockOf(int t) {
    while (threadClocks.size() <= t) threadClocks.add(new int[0]);
    return threadClocks.get(t);
  }

  /**
   * Adds the event of thread {@code thread} taking operation {@code op} at scheduling node {@code
   * node}; returns the earlier events it races with.
   */
  List<Event> execute(int thread, int node, Operation op, long location) {
    Event e = new Event(thread, node, op, location);
    int[] before = clockOf(thread);
    int[] clock = Arrays.copyOf(before, Math.max(before.length, thread + 1));
    if (clock[thread] == 0) clock = join(clock, startOf(thread)); // its start happens before it
    clock[thread]++;
    e.clock = clock;
    e.prior = before;
    List<Event> races = new ArrayList<>(1);
    Access access = Access.of(op);
    if (access != null && location != Locations.NONE) {
      touch(e, location, access, before, races);
    }
    // Operations that read their own thread's interrupt status: blocking ones, and calls into
    // java.util.concurrent, whose code reads it unseen (lockInterruptibly, await), as does the JDK
    // code a thread the JDK started begins with.
    if (op == Operation.WAKE || op == Operation.WAIT || op == Operation.SLEEP
        || op == Operation.JOIN || op == Operation.PARK || op.isCall()
        || op == Operation.BEGIN && location == Locations.CONCURRENT) {
      touch(e, Locations.interruptStatus(thread), Access.READ, before, races);
    }
    threadClocks.set(thread, e.clock);
    events.add(e);
    return races;
  }

  /**
   * An access made after the thread's last event, before its next scheduling point: part of that
   * event. Returns the earlier events it races with.
   */
  List<Event> access(int thread, Operation op, long location) {
    Access access = Access.of(op);
    Event last = lastEventOf(thread);
    if (access == null || location == Locations.NONE || last == null) return List.of();
    List<Event> races = new ArrayList<>(1);
    touch(last, location, access, last.prior, races);
    threadClocks.set(thread, last.clock);
    return races;
  }

  /** The clock of the step that started {@code thread}, or none for the first thread. */
  private int[] startOf(int thread) {
    LocationState born = locations.get(Locations.lifecycle(thread));
    return born == null || born.lastWrite == null ? new int[0] : born.lastWrite.clock;
  }

  /** The last event of {@code thread}, or null before its first. */
  Event lastEventOf(int thread) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).thread == thread) return events.get(i);
    }
    return null;
  }

  /**
   * Records that {@code e} touches {@code location}, ordering it after the earlier touches it depends
   * on and adding those it races with. A read is checked against the last write and acquisition
   * only, never against the reads since, which may be as many as the execution's steps (a poll that
   * never ends): its work does not grow with them.
   */
  private void touch(Event e, long location, Access access, int[] before, List<Event> races) {
    e.touches.add(new Touch(location, access));
    LocationState s = locations.computeIfAbsent(location, k -> new LocationState());
    if (s.lastWrite != null) order(e, s.lastWrite, location, access, before, races);
    if (access != Access.READ) {
      for (Event read : s.readsSince) order(e, read, location, access, before, races);
    }
    if (access == Access.ACQUIRE && s.lastAcquire != null) {
      order(e, s.lastAcquire, location, access, before, races);
    }
    if (access == Access.READ) {
      s.readsSince.add(e);
    } else {
      s.lastWrite = e;
      s.readsSince.clear();
      if (access == Access.ACQUIRE) s.lastAcquire = e;
    }
  }

  /** Orders {@code e} after the earlier {@code other} when dependent; adds it to races if one. */
  private static void order(Event e, Event other, long location, Access access, int[] before,
      List<Event> races) {
    if (other.thread == e.thread) return;
    Access theirs = accessOf(other, location);
    if (races != null && Access.races(theirs, access) && !other.happensBefore(before)
        && other.racesListed != races) {
      other.racesListed = races;
      races.add(other);
    }
    if (Access.dependent(theirs, access)) e.clock = join(e.clock, other.clock);
  }

  private static Access accessOf(Event e, long location) {
    for (Touch t : e.touches) if (t.location() == location) return t.access();
    return Access.SYNC;
  }

  private static int[] join(int[] a, int[] b) {
    int[] r = Arrays.copyOf(a, Math.max(a.length, b.length));
    for (int i = 0; i < b.length; i++) r[i] = Math.max(r[i], b[i]);
    return r;
  }

  /** Whether events {@code a} and {@code b} touch a common location dependently. */
  static boolean dependent(Event a, Event b) {
    for (Touch x : a.touches) {
      for (Touch y : b.touches) {
        if (x.location() == y.location() && Access.dependent(x.access(), y.access())) return true;
      }
    }
    return false;
  }

  /** Whether {@code e} touched dependently a location that {@code footprint} (or null) touches. */
  static boolean dependent(Event e, List<Touch> footprint) {
    if (footprint == null) return false;
    for (Touch x : e.touches) {
      for (Touch y : footprint) {
        if (x.location() == y.location() && Access.dependent(x.access(), y.access())) return true;
      }
    }
    return false;
  }

  /** Whether a pending operation would touch a location {@code e} touched, dependently. */
  static boolean dependent(Event e, int thread, Operation op, long location) {
    Access access = Access.of(op);
    for (Touch t : e.touches) {
      boolean sameTarget = access != null && t.location() == location
          && Access.dependent(t.access(), access);
      boolean ownInterrupt = t.location() == Locations.interruptStatus(thread)
          && t.access() != Access.READ;
      if (sameTarget || ownInterrupt) return true;
    }
    return false;
  }
}
