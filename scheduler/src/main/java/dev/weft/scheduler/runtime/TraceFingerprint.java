package dev.weft.scheduler.runtime;

import dev.weft.scheduler.strategy.SplitMix64;
import dev.weft.scheduler.view.Locations;

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
 * execution. A sum does not depend on the order the edges come in. Imprecision: thread states are
 * keyed by thread id, which can differ between equivalent executions when threads with different
 * parents race to start children; such executions count as different classes.
 *
 * <p>Runs at every step of every execution, so its table is open-addressed over primitive arrays:
 * nothing is allocated per step but when the table grows.
 */
final class TraceFingerprint {
  private static final long EMPTY = 0; // location keys are never 0 (see Locations)

  /** Per location: its key, the last write's name, the sum of the reads since (mixed names). */
  private long[] keys = new long[64];
  private long[] lastWrite = new long[64];
  private long[] readsSince = new long[64];
  private int size;
  private long sum;

  void add(long lineage, int index, boolean read, long location) {
    if (location == Locations.NONE) return;
    long name = SplitMix64.mix(lineage * 0x9E3779B97F4A7C15L + index);
    int slot = slot(location);
    long previous = lastWrite[slot];
    if (previous != 0) sum += from(previous) * to(name);
    if (read) {
      readsSince[slot] += from(name);
    } else {
      sum += readsSince[slot] * to(name); // every read since the last write, to this write
      lastWrite[slot] = name;
      readsSince[slot] = 0;
    }
  }

  long value() {
    return sum;
  }

  /** The slot of {@code location}, claimed if new. */
  private int slot(long location) {
    if (2 * (size + 1) > keys.length) grow();
    int mask = keys.length - 1;
    int i = (int) SplitMix64.mix(location) & mask;
    while (keys[i] != EMPTY && keys[i] != location) i = (i + 1) & mask;
    if (keys[i] == EMPTY) {
      keys[i] = location;
      size++;
    }
    return i;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldWrites = lastWrite;
    long[] oldReads = readsSince;
    keys = new long[oldKeys.length * 2];
    lastWrite = new long[keys.length];
    readsSince = new long[keys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] == EMPTY) continue;
      int j = slot(oldKeys[i]);
      lastWrite[j] = oldWrites[i];
      readsSince[j] = oldReads[i];
    }
  }

  private static long from(long name) {
    return SplitMix64.mix(name) | 1; // odd, so products keep information
  }

  private static long to(long name) {
    return SplitMix64.mix(name ^ 0x5DEECE66DL) | 1;
  }
}
