package dev.weft.explorer.linearizability;

import java.util.List;
import java.util.Objects;

/**
 * One operation of a history: who called what, with which arguments, what it returned, and where
 * its invocation and its response stand among the history's events.
 *
 * @param id the operation's number in the history, from 0, in the order of invocation
 * @param thread the calling thread's number
 * @param operation the operation's name, e.g. {@code addFirst}
 * @param arguments its arguments (may hold nulls)
 * @param result what it returned (null for void or null)
 * @param invoked the index of its invocation among the history's events
 * @param responded the index of its response among the history's events
 */
public record Call(int id, int thread, String operation, List<Object> arguments, Object result,
    int invoked, int responded) {
  public Call {
    Objects.requireNonNull(operation, "operation");
    arguments = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(arguments));
    if (responded <= invoked) {
      throw new IllegalArgumentException("operation " + id + " responds before it is invoked");
    }
  }

  /** Whether this call responded before {@code other} was invoked: it must come first. */
  public boolean precedes(Call other) {
    return responded < other.invoked;
  }

  /** {@code T1 addFirst(3) = true}, as reports show a call. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("T").append(thread).append(' ').append(operation)
        .append('(');
    for (int i = 0; i < arguments.size(); i++) {
      if (i > 0) s.append(", ");
      s.append(arguments.get(i));
    }
    return s.append(") = ").append(result).toString();
  }
}
