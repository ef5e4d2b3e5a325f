package dev.weft.agent.transform;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rewritten class files by class name and original content. The CLI defines the same program in a
 * fresh class loader for every execution: a hit costs a hash and a comparison, and keeps the site
 * indices of the first rewrite. "Left untouched" (null) is cached too. Thread-safe.
 */
final class TransformCache {
  private record Key(String className, boolean retransform, int length, int hash) {}

  /** {@code result} is null when the class was left untouched. */
  private record Entry(byte[] original, byte[] result) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  /** The cached result for these bytes, else {@code rewrite}'s, which is then cached. */
  byte[] get(String className, boolean retransform, byte[] original, Supplier<byte[]> rewrite) {
    Key key = new Key(className, retransform, original.length, Arrays.hashCode(original));
    Entry entry = entries.get(key);
    if (entry == null || !Arrays.equals(entry.original(), original)) {
      Entry computed = new Entry(original.clone(), rewrite.get());
      // Two threads may rewrite the same class at once; both answer with the first to land.
      entry = entries.putIfAbsent(key, computed);
      if (entry == null || !Arrays.equals(entry.original(), original)) {
        entries.put(key, computed); // a hash collision: the newer content wins the slot
        entry = computed;
      }
    }
    return entry.result();
  }
}
