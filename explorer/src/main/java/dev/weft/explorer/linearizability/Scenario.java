package dev.weft.explorer.linearizability;

import dev.weft.explorer.property.Tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The calls each thread makes, in order, on one shared instance: drawn from a seed, and the same
 * for every execution of its exploration.
 *
 * @param threads per thread, its calls
 */
public record Scenario(List<List<Invocation>> threads) {
  public Scenario {
    threads = threads.stream().map(List::copyOf).toList();
  }

  /**
   * One call of a scenario: which operation, with which arguments.
   *
   * @param shrinks when its operation draws from a generator ({@link Operation#generator}), the
   *     tree the arguments came from, whose shrinks minimising tries; null otherwise. Not part of
   *     the call's identity: two calls with the same operation and arguments are equal.
   */
  public record Invocation(int operation, String name, List<Object> arguments,
      Tree<List<Object>> shrinks) {
    public Invocation {
      arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    /** A call whose arguments do not shrink. */
    public Invocation(int operation, String name, List<Object> arguments) {
      this(operation, name, arguments, null);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Invocation i && i.operation == operation && i.name.equals(name)
          && i.arguments.equals(arguments);
    }

    @Override
    public int hashCode() {
      return Objects.hash(operation, name, arguments);
    }

    @Override
    public String toString() {
      return name + arguments.toString().replace('[', '(').replace(']', ')');
    }
  }

  /**
   * {@code threads} threads of {@code perThread} calls each, operations drawn uniformly, their
   * arguments at {@code size} (0 to 99).
   */
  static <T> Scenario draw(Random random, List<Operation<T>> operations, int threads,
      int perThread, int size) {
    List<List<Invocation>> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Invocation> calls = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        int op = random.nextInt(operations.size());
        calls.add(operations.get(op).draw(op, random, size));
      }
      all.add(calls);
    }
    return new Scenario(all);
  }

  /**
   * The scenarios one step smaller, fewest threads first: without each thread (while two or more
   * remain), then without each single call of a thread that makes more than one, then with each
   * call's arguments replaced by each of their generator's shrinks, in the generator's order.
   */
  List<Scenario> smaller() {
    List<Scenario> smaller = new ArrayList<>();
    if (threads.size() > 1) {
      for (int t = 0; t < threads.size(); t++) {
        List<List<Invocation>> fewer = new ArrayList<>(threads);
        fewer.remove(t);
        smaller.add(new Scenario(fewer));
      }
    }
    for (int t = 0; t < threads.size(); t++) {
      List<Invocation> calls = threads.get(t);
      if (calls.size() < 2) continue;
      for (int c = 0; c < calls.size(); c++) {
        List<Invocation> shorter = new ArrayList<>(calls);
        shorter.remove(c);
        List<List<Invocation>> changed = new ArrayList<>(threads);
        changed.set(t, shorter);
        smaller.add(new Scenario(changed));
      }
    }
    for (int t = 0; t < threads.size(); t++) {
      for (int c = 0; c < threads.get(t).size(); c++) {
        Invocation call = threads.get(t).get(c);
        if (call.shrinks() == null) continue;
        int thread = t;
        int at = c;
        call.shrinks().shrinks().forEach(shrunk -> smaller.add(with(thread, at,
            new Invocation(call.operation(), call.name(), shrunk.value(), shrunk))));
      }
    }
    return smaller;
  }

  /** This scenario with thread {@code t}'s call {@code c} replaced by {@code call}. */
  private Scenario with(int t, int c, Invocation call) {
    List<Invocation> calls = new ArrayList<>(threads.get(t));
    calls.set(c, call);
    List<List<Invocation>> changed = new ArrayList<>(threads);
    changed.set(t, calls);
    return new Scenario(changed);
  }

  /** Calls in every thread together. */
  public int calls() {
    return threads.stream().mapToInt(List::size).sum();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    for (int t = 0; t < threads.size(); t++) {
      s.append(t == 0 ? "" : "; ").append('T').append(t + 1).append(": ");
      s.append(String.join(", ", threads.get(t).stream().map(Invocation::toString).toList()));
    }
    return s.toString();
  }
}
