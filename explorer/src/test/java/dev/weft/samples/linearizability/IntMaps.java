package dev.weft.samples.linearizability;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps of integers for linearizability checks whose bug depends on the arguments: a putIfAbsent
 * that checks, then puts, in two synchronized steps, lets two threads that put the same key both
 * be told it was absent, which no sequential map does; on different keys it is correct, and the
 * values do not matter.
 */
public final class IntMaps {
  private IntMaps() {}

  /** What the concurrent map and its model share. */
  public interface IntMap {
    /** Maps {@code key} to {@code value} unless it is mapped; the value it had, or null. */
    Integer putIfAbsent(int key, int value);
  }

  /** Checks, then puts: the two steps of one call may interleave with another's. */
  public static final class CheckThenPut implements IntMap {
    private final Map<Integer, Integer> entries = new HashMap<>();

    @Override
    public Integer putIfAbsent(int key, int value) {
      Integer old = get(key);
      if (old != null) return old;
      synchronized (this) {
        entries.put(key, value);
      }
      return null;
    }

    private synchronized Integer get(int key) {
      return entries.get(key);
    }
  }

  /** The sequential specification. */
  public static final class Sequential implements IntMap {
    private final TreeMap<Integer, Integer> entries;

    public Sequential() {
      this(new TreeMap<>());
    }

    private Sequential(TreeMap<Integer, Integer> entries) {
      this.entries = entries;
    }

    @Override
    public Integer putIfAbsent(int key, int value) {
      return entries.putIfAbsent(key, value);
    }

    public Sequential copy() {
      return new Sequential(new TreeMap<>(entries));
    }

    public Map<Integer, Integer> state() {
      return Map.copyOf(entries);
    }
  }
}
