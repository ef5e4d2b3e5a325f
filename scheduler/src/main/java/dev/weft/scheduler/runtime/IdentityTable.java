package dev.weft.scheduler.runtime;

import java.util.function.BiConsumer;

/**
 * A map by object identity for the runtime's own bookkeeping (names, monitor models), hashed with
 * the JVM's real identity hash code. {@code IdentityHashMap} would not do: the agent routes its
 * hashing through the hooks that give objects chosen hash codes, so the runtime looking at an
 * object would change what the program sees. Open addressing, linear probing; one thread at a time.
 */
public final class IdentityTable<V> {
  private Object[] keys = new Object[16];
  private Object[] values = new Object[16];
  private int size;

  public V get(Object key) {
    int i = find(key);
    @SuppressWarnings("unchecked")
    V v = keys[i] == null ? null : (V) values[i];
    return v;
  }

  public void put(Object key, V value) {
    int i = find(key);
    if (keys[i] == null) {
      keys[i] = key;
      size++;
    }
    values[i] = value;
    if (size * 2 > keys.length) grow();
  }

  int size() {
    return size;
  }

  void forEach(BiConsumer<Object, V> action) {
    for (int i = 0; i < keys.length; i++) {
      @SuppressWarnings("unchecked")
      V v = (V) values[i];
      if (keys[i] != null) action.accept(keys[i], v);
    }
  }

  /** The slot holding {@code key}, or the empty slot where it would go. */
  private int find(Object key) {
    int mask = keys.length - 1;
    int i = mix(System.identityHashCode(key)) & mask;
    while (keys[i] != null && keys[i] != key) i = (i + 1) & mask;
    return i;
  }

  private void grow() {
    Object[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new Object[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int j = find(oldKeys[i]);
        keys[j] = oldKeys[i];
        values[j] = oldValues[i];
      }
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
