package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.List;
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

  /** One call of a scenario: which operation, with which arguments. */
  public record Invocation(int operation, String name, List<Object> arguments) {
    public Invocation {
      arguments = java.util.Collections.unmodifiableList(new ArrayList<>(arguments));
    }

    @Override
    public String toString() {
      return name + arguments.toString().replace('[', '(').replace(']', ')');
    }
  }

  /** {@code threads} threads of {@code perThread} calls each, operations drawn uniformly. */
  static <T> Scenario draw(Random random, List<Operation<T>> operations, int threads,
      int perThread) {
    List<List<Invocation>> all = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Invocation> calls = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        int op = random.nextInt(operations.size());
        calls.add(new Invocation(op, operations.get(op).name(),
            operations.get(op).arguments().apply(random)));
      }
      all.add(calls);
    }
    return new Scenario(all);
  }

  /**
   * The scenarios one removal smaller, fewest threads first: without each thread (while two or
   * more remain), then without each single call of a thread that makes more than one.
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
    return smaller;
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
