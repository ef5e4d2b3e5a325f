package dev.weft.samples.linearizability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A map of two keys whose put reads, then sets, the key's value, so two racing puts return the
 * same old value; and its sequential model. In the samples' package, which Weft instruments.
 */
public final class Maps {
  private Maps() {}

  /** Put and get on keys 0 and 1. */
  public static class ReadThenSet {
    private final List<AtomicReference<Integer>> values =
        List.of(new AtomicReference<>(), new AtomicReference<>());

    public Integer put(int key, int value) {
      Integer old = values.get(key).get();
      values.get(key).set(value);
      return old;
    }

    public Integer get(int key) {
      return values.get(key).get();
    }
  }

  /** The model: a {@link HashMap}. */
  public static final class Model extends ReadThenSet {
    private final HashMap<Integer, Integer> map;

    public Model() {
      this(new HashMap<>());
    }

    private Model(HashMap<Integer, Integer> map) {
      this.map = map;
    }

    public Model copy() {
      return new Model(new HashMap<>(map));
    }

    public Map<Integer, Integer> state() {
      return Map.copyOf(map);
    }

    @Override
    public Integer put(int key, int value) {
      return map.put(key, value);
    }

    @Override
    public Integer get(int key) {
      return map.get(key);
    }
  }
}
