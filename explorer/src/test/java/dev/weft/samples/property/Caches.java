package dev.weft.samples.property;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Caches whose putIfAbsent is, or is not, atomic. */
public final class Caches {
  private Caches() {}

  /** A cache of strings. */
  public interface Cache {
    /** The value already there, or null when this call put {@code value}. */
    String putIfAbsent(String key, String value);
  }

  /** A put-if-absent made of two synchronized steps, so two threads may both find the key absent. */
  public static final class CheckThenAct implements Cache {
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

    @Override
    public String putIfAbsent(String key, String value) {
      if (!containsKey(key)) {
        put(key, value);
        return null;
      }
      return get(key);
    }
  }

  /** Backed by a {@link ConcurrentHashMap}, whose putIfAbsent is atomic. */
  public static final class Concurrent implements Cache {
    private final ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();

    @Override
    public String putIfAbsent(String key, String value) {
      return map.putIfAbsent(key, value);
    }
  }
}
