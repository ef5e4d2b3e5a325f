package dev.weft.testbench.bench;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The sequential model of a benchmark's structure, its items in a deque, for both tools: Weft
 * copies it and compares {@link #state}; Lincheck calls a subclass's methods by name and compares
 * instances with {@code equals}.
 */
public abstract class DequeModel {
  protected final ArrayDeque<Integer> items;

  protected DequeModel(ArrayDeque<Integer> items) {
    this.items = items;
  }

  public final List<Integer> state() {
    return List.copyOf(items);
  }

  @Override
  public final boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && state().equals(((DequeModel) o).state());
  }

  @Override
  public final int hashCode() {
    return state().hashCode();
  }
}
