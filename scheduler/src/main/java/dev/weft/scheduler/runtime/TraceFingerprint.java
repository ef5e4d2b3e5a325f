package dev.weft.scheduler.runtime;

import dev.weft.scheduler.strategy.SplitMix64;
import java.util.HashMap;
import java.util.Map;

/**
 * A 64-bit fingerprint of an execution's happens-before relation: equal for executions that differ
 * only in the order of independent steps (the same Mazurkiewicz trace), and different otherwise
 * with high probability. Counting distinct fingerprints counts the interleaving classes an
 * exploration covered.
 *
 * <p>It sums a hash of every dependence edge: a write to the next write, a write to each read after
 * it, and each read to the next write. A step is named by its thread's lineage (its parent's lineage
 * and its birth order among that parent's children) and its index in that thread, never by object
 * numbers or thread ids, which depend on the interleaving. Locations only group the steps of one
 * execution. A sum does not depend on the order the edges come in.
 */
final class TraceFingerprint {
  /** Per location: the last write's name, and the sum of the mixed names of the reads since. */
  private final Map<Long, long[]> locations = new HashMap<>();
  private long sum;

  void add(long lineage, int index, boolean read, long location) {
    if (location == Locations.NONE) return;
    long name = SplitMix64.mix(lineage * 0x9E3779B97F4A7C15L + index);
    long[] s = locations.computeIfAbsent(location, k -> new long[] {0, 0});
    long lastWrite = s[0];
    if (read) {
      if (lastWrite != 0) sum += from(lastWrite) * to(name);
      s[1] += from(name);
    } else {
      if (lastWrite != 0) sum += from(lastWrite) * to(name);
      sum += s[1] * to(name); // every read since the last write, to this write
      s[0] = name;
      s[1] = 0;
    }
  }

  long value() {
    return sum;
  }

  private static long from(long name) {
    return SplitMix64.mix(name) | 1; // odd, so products keep information
  }

  private static long to(long name) {
    return SplitMix64.mix(name ^ 0x5DEECE66DL) | 1;
  }
}
