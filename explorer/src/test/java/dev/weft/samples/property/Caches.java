package dev.weft.samples.property;

import java.util.HashMap;
import java.util.Map;

/** A cache whose putIfAbsent checks, then acts: each step is synchronized, the pair is not. */
public final class Caches {
  private Caches() {}

  /** A put-if-absent made of two synchronized steps, so two threads may both find the key absent. */
  public static final class CheckThenAct {
    private final Map<String, String> map = new HashMap<>();

    public synchronized boolean containsKey(String key) {
      return map.containsKey(key);
    }

    public synchronized String get(String key) {
      return map.get(key);
    }

    public synchronized void put(String key, String value) {
      map.put(key, value);
    }

    /** The value already there, or null when this call put {@code value}. */
    public String putIfAbsent(String key, String value) {
      if (!containsKey(key)) {
        put(key, value);
        return null;
      }
      return get(key);
    }
  }
}
