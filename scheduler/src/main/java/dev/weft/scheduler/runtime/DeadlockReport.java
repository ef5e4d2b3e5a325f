package dev.weft.scheduler.runtime;

import dev.weft.scheduler.model.MonitorModel;
import dev.weft.scheduler.model.ThreadStatus;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Explains a deadlock: what each live thread holds and waits for, and the cycle among them. */
final class DeadlockReport {
  private final ControlledThread[] threads;
  private final IdentityTable<MonitorModel> monitors;
  private final ClassInits classInits;
  private final ObjectIds ids;

  DeadlockReport(ControlledThread[] threads, IdentityTable<MonitorModel> monitors,
      ClassInits classInits, ObjectIds ids) {
    this.threads = threads;
    this.monitors = monitors;
    this.classInits = classInits;
    this.ids = ids;
  }

  String render() {
    StringBuilder out = new StringBuilder("Deadlock: every live thread is blocked.\n");
    for (ControlledThread t : threads) {
      if (t.status != ThreadStatus.FINISHED) out.append("  ").append(describe(t)).append('\n');
    }
    List<ControlledThread> cycle = cycle();
    if (!cycle.isEmpty()) {
      out.append("  Cycle: ");
      for (ControlledThread t : cycle) out.append(t.displayName()).append(" -> ");
      out.append(cycle.get(0).displayName());
      // A wait for a class's initialization is named: nothing in the program's text says "lock".
      List<String> inits = new ArrayList<>();
      for (ControlledThread t : cycle) {
        String awaited = classInits.awaited(t);
        if (awaited != null) {
          inits.add(t.displayName() + " waits for " + awaited + " by " + blocker(t).displayName());
        }
      }
      if (!inits.isEmpty()) out.append(" (").append(String.join("; ", inits)).append(')');
      out.append('\n');
    }
    return out.toString();
  }

  private String describe(ControlledThread t) {
    StringBuilder s = new StringBuilder(t.displayName());
    List<String> held = new ArrayList<>();
    monitors.forEach((lock, m) -> {
      if (m.owner() == t.id) held.add(ids.nameOf(lock) + " (entered at " + at(m.acquireSite()) + ")");
    });
    held.sort(null); // the map iterates in identity-hash order
    for (String type : classInits.initializing(t)) held.add("the initialization of class " + type);
    if (!held.isEmpty()) s.append(" holds ").append(String.join(", ", held)).append(" and");
    Object blockedOn = t.status == ThreadStatus.WAITING ? t.waitLock : t.pendingObject;
    if (t.status == ThreadStatus.WAITING && !t.notified) {
      s.append(" waits in ").append(ids.nameOf(blockedOn)).append(".wait() at ")
          .append(at(t.pendingSite)).append(", and no running thread can notify it");
    } else if (t.pendingOp == Operation.PARK) {
      s.append(" is parked in ").append(parkedIn(t)).append(" at ").append(at(t.pendingSite));
      ControlledThread owner = blocker(t);
      s.append(owner != null ? ", held by " + owner.displayName()
          : t.externalPermit ? "" : ", and no running thread can unpark it");
    } else if (Sockets.isWaiting(t)) {
      s.append(" waits for ").append(ids.nameOf(t.socketFd)).append(" to be ready at ")
          .append(at(t.pendingSite)).append(" (socket I/O; nothing came in ")
          .append("real time either)");
    } else if (t.pendingOp == Operation.CLASS_INIT) {
      s.append(" waits for ").append(classInits.awaited(t)).append(" at ")
          .append(at(t.pendingSite)).append(", run by ").append(blocker(t).displayName());
    } else if (t.pendingOp == Operation.JOIN) {
      s.append(" waits to join ").append(t.joinTarget.displayName()).append(" at ")
          .append(at(t.pendingSite));
    } else {
      s.append(" waits to enter ").append(ids.nameOf(blockedOn)).append(" at ")
          .append(at(t.pendingSite));
      ControlledThread owner = blocker(t);
      if (owner != null) s.append(", held by ").append(owner.displayName());
    }
    return s.toString();
  }

  /** The call a parked thread is inside ({@code lock ReentrantLock#1}), or its park. */
  private String parkedIn(ControlledThread t) {
    String target = t.pendingObject == null ? "" : " " + ids.nameOf(t.pendingObject);
    if (!t.inCall) return "park" + target;
    return TraceEvent.verb(Operation.CALL, t.pendingSite, t.pendingObject != null) + target;
  }

  /** The thread {@code t} waits for, when that is a single thread. */
  private ControlledThread blocker(ControlledThread t) {
    if (t.status == ThreadStatus.FINISHED) return null;
    if (t.status == ThreadStatus.RUNNABLE && t.pendingOp == Operation.JOIN) return t.joinTarget;
    if (t.status == ThreadStatus.RUNNABLE && t.pendingOp == Operation.CLASS_INIT) {
      return classInits.blocker(t);
    }
    if (t.status == ThreadStatus.RUNNABLE && t.pendingOp == Operation.PARK) {
      Thread owner = LockOwners.ownerOf(t.parkBlocker);
      for (ControlledThread c : threads) if (c.thread == owner && c != t) return c;
      return null;
    }
    boolean reentering = t.status == ThreadStatus.WAITING && t.notified;
    if (t.status == ThreadStatus.RUNNABLE && t.pendingOp == Operation.MONITOR_ENTER || reentering) {
      MonitorModel m = monitors.get(reentering ? t.waitLock : t.pendingObject);
      return m == null || m.owner() < 0 ? null : threads[m.owner()];
    }
    return null;
  }

  private List<ControlledThread> cycle() {
    for (ControlledThread start : threads) {
      Set<ControlledThread> path = new LinkedHashSet<>();
      ControlledThread t = start;
      while (t != null && path.add(t)) t = blocker(t);
      if (t != null) {
        List<ControlledThread> ordered = new ArrayList<>(path);
        return ordered.subList(ordered.indexOf(t), ordered.size());
      }
    }
    return List.of();
  }

  static String at(int siteIndex) {
    Site site = SiteRegistry.get(siteIndex);
    return site == null ? "an unknown place" : site.location();
  }
}
