package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A history of completed operations, built as an execution runs: each operation's invocation and
 * response are numbered in the order they happen. Within an execution under Weft's scheduler one
 * thread runs at a time, so that order is the execution's own; the recorder is not thread-safe and
 * needs none more.
 */
public final class History {
  private final List<Pending> pending = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private int events;

  /** An invocation whose response has not come yet. */
  private record Pending(int id, int thread, String operation, List<Object> arguments,
      int invoked) {}

  /** Thread {@code thread} invokes {@code operation}; returns the operation's id. */
  public int invoke(int thread, String operation, List<Object> arguments) {
    int id = pending.size();
    pending.add(new Pending(id, thread, operation, arguments, events++));
    return id;
  }

  /** Operation {@code id} returns {@code result}. */
  public void respond(int id, Object result) {
    Pending p = pending.get(id);
    calls.add(new Call(p.id(), p.thread(), p.operation(), p.arguments(), result, p.invoked(),
        events++));
  }

  /** The history of these calls (a history built by hand, or read back). */
  public static List<Call> of(List<Call> calls) {
    List<Call> sorted = new ArrayList<>(calls);
    sorted.sort(java.util.Comparator.comparingInt(Call::id));
    return Collections.unmodifiableList(sorted);
  }

  /** The completed calls, by id. Calls that never returned are left out. */
  public List<Call> calls() {
    return of(calls);
  }
}
