package dev.weft.explorer.report.graph;

import static dev.weft.explorer.report.graph.SyncRules.Role.ACQUIRE;
import static dev.weft.explorer.report.graph.SyncRules.Role.RELEASE;
import static dev.weft.explorer.report.graph.SyncRules.Subject.SELF;
import static dev.weft.explorer.report.graph.SyncRules.Subject.TARGET;
import static dev.weft.explorer.report.graph.SyncRules.Subject.WOKEN;

import dev.weft.scheduler.trace.TraceEvent;
import dev.weft.scheduler.view.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The synchronization order of the Java memory model (JLS 17.4.4) as a trace shows it. Each row
 * says that an operation releases or acquires a channel, named after the step's target, its own
 * thread, or the threads its note names. {@link HappensBeforeGraph} orders every acquire after the
 * latest release of its channel by another thread.
 *
 * <p>A new pair of operations, an unlock and a lock say, is a row each. The start of a thread has
 * one rule that no operation keys: the started thread's first step, whatever it is, acquires it
 * ({@link #started}).
 */
final class SyncRules {
  enum Role { RELEASE, ACQUIRE }

  /** Whose name a channel takes: the step's target, its thread, or the threads a notify woke. */
  enum Subject { TARGET, SELF, WOKEN }

  /** What a release publishes and an acquire takes: e.g. the monitor {@code Object#1}. */
  record Channel(EdgeKind kind, String name) {}

  record Sync(Role role, Channel channel) {}

  private record Rule(
      Operation operation, Role role, EdgeKind kind, Subject subject, Predicate<String> note) {}

  private static final Predicate<String> ANY = note -> true;
  private static final Predicate<String> NONE = Objects::isNull;
  private static final String WOKE = "woke ";

  private static final List<Rule> RULES = List.of(
      // A monitor: wait releases it, and the wakeup takes it back.
      new Rule(Operation.MONITOR_EXIT, RELEASE, EdgeKind.SYNCHRONIZES_WITH, TARGET, ANY),
      new Rule(Operation.WAIT, RELEASE, EdgeKind.SYNCHRONIZES_WITH, TARGET, ANY),
      new Rule(Operation.MONITOR_ENTER, ACQUIRE, EdgeKind.SYNCHRONIZES_WITH, TARGET, ANY),
      new Rule(Operation.WAKE, ACQUIRE, EdgeKind.SYNCHRONIZES_WITH, TARGET, ANY),
      // A read sees the latest write.
      new Rule(Operation.VOLATILE_WRITE, RELEASE, EdgeKind.READS_FROM, TARGET, ANY),
      new Rule(Operation.VOLATILE_READ, ACQUIRE, EdgeKind.READS_FROM, TARGET, ANY),
      new Rule(Operation.START, RELEASE, EdgeKind.START, TARGET, ANY),
      // A thread's end, seen by a join that did not time out, an isAlive that said false or a
      // getState that said TERMINATED.
      new Rule(Operation.END, RELEASE, EdgeKind.JOIN, SELF, ANY),
      new Rule(Operation.JOIN, ACQUIRE, EdgeKind.JOIN, TARGET, NONE),
      new Rule(Operation.IS_ALIVE, ACQUIRE, EdgeKind.JOIN, TARGET, "false"::equals),
      new Rule(Operation.GET_STATE, ACQUIRE, EdgeKind.JOIN, TARGET, "TERMINATED"::equals),
      new Rule(Operation.NOTIFY, RELEASE, EdgeKind.NOTIFY, WOKEN, ANY),
      new Rule(Operation.NOTIFY_ALL, RELEASE, EdgeKind.NOTIFY, WOKEN, ANY),
      new Rule(Operation.WAKE, ACQUIRE, EdgeKind.NOTIFY, SELF, "notified"::equals),
      // An interrupt, seen by the thread's InterruptedException or by a query that said true.
      new Rule(Operation.INTERRUPT, RELEASE, EdgeKind.INTERRUPT, TARGET, ANY),
      new Rule(Operation.IS_INTERRUPTED, ACQUIRE, EdgeKind.INTERRUPT, TARGET, "true"::equals),
      new Rule(Operation.CLEAR_INTERRUPT, ACQUIRE, EdgeKind.INTERRUPT, TARGET, ANY),
      new Rule(Operation.WAIT, ACQUIRE, EdgeKind.INTERRUPT, SELF, "already interrupted"::equals),
      new Rule(Operation.WAKE, ACQUIRE, EdgeKind.INTERRUPT, SELF, "interrupted"::equals),
      new Rule(Operation.JOIN, ACQUIRE, EdgeKind.INTERRUPT, SELF, "interrupted"::equals),
      new Rule(Operation.SLEEP, ACQUIRE, EdgeKind.INTERRUPT, SELF, "interrupted"::equals),
      new Rule(Operation.PARK, ACQUIRE, EdgeKind.INTERRUPT, SELF, "interrupted"::equals),
      // A park that returned with the permit an unpark gave it.
      new Rule(Operation.UNPARK, RELEASE, EdgeKind.UNPARK, TARGET, ANY),
      new Rule(Operation.PARK, ACQUIRE, EdgeKind.UNPARK, SELF, "permit"::equals),
      // Calls into java.util.concurrent on one object: each takes what the last one published.
      new Rule(Operation.CALL, ACQUIRE, EdgeKind.CALL, TARGET, ANY),
      new Rule(Operation.CALL_READ, ACQUIRE, EdgeKind.CALL, TARGET, ANY),
      new Rule(Operation.CALL, RELEASE, EdgeKind.CALL, TARGET, ANY));

  private SyncRules() {}

  /** What step {@code e} releases and acquires, in the order of the rows. */
  static List<Sync> of(TraceEvent e, List<String> threadNames) {
    List<Sync> syncs = new ArrayList<>();
    for (Rule r : RULES) {
      if (r.operation() != e.operation() || !r.note().test(e.note())) continue;
      for (String name : names(r.subject(), e, threadNames)) {
        syncs.add(new Sync(r.role(), new Channel(r.kind(), name)));
      }
    }
    return syncs;
  }

  /** What the first step of {@code thread} acquires: its start. */
  static Sync started(String thread) {
    return new Sync(ACQUIRE, new Channel(EdgeKind.START, thread));
  }

  private static List<String> names(Subject subject, TraceEvent e, List<String> threadNames) {
    return switch (subject) {
      case TARGET -> e.target() == null ? List.of() : List.of(e.target());
      case SELF -> List.of(threadNames.get(e.thread()));
      case WOKEN -> woken(e.note(), threadNames);
    };
  }

  /** The threads a notify's note names, as in {@code woke T2, T3 (reader)}. */
  private static List<String> woken(String note, List<String> threadNames) {
    if (note == null || !note.startsWith(WOKE)) return List.of();
    String list = ", " + note.substring(WOKE.length()) + ", ";
    return threadNames.stream().filter(name -> list.contains(", " + name + ", ")).toList();
  }
}
