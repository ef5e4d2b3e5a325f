package dev.weft.explorer.linearizability;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The (linearized set, model state) pairs the search has visited, with the set of linearized calls
 * it keeps as bits. A pair is stored compactly: the calls before the first one not linearized are
 * all linearized, so only the words of bits from there to the last linearized call are kept (the
 * window of overlapping calls, a few words however long the history). Hashes are mixed well:
 * a set and a state key hashed by a plain sum of products (as {@code List.hashCode} is) collide
 * often over small values, and a million pairs then pile into a few buckets.
 */
final class Memo {
  private final long[] bits;
  private final Set<Visited> visited = new HashSet<>();

  /** A visited pair: bits from word {@code from} on, and the state's key. */
  private record Visited(int from, long[] words, Object state, int hash) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Visited v && v.hash == hash && v.from == from
          && Arrays.equals(v.words, words) && v.state.equals(state);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  Memo(int calls) {
    bits = new long[(calls + 63) >> 6];
  }

  void linearize(int call) {
    bits[call >> 6] |= 1L << call;
  }

  void unlinearize(int call) {
    bits[call >> 6] &= ~(1L << call);
  }

  /** Records the current set with {@code state}; false when that pair was visited before. */
  boolean visit(Object state) {
    int from = 0;
    while (from < bits.length && bits[from] == -1L) from++;
    int to = bits.length;
    while (to > from && bits[to - 1] == 0) to--;
    long[] words = Arrays.copyOfRange(bits, from, to);
    long h = mix(from);
    for (long w : words) h = mix(h ^ w);
    int hash = (int) mix(h ^ state.hashCode());
    return visited.add(new Visited(from, words, state, hash));
  }

  /** Murmur3's 64-bit finalizer: every bit of the input moves about half the output's bits. */
  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** Pairs visited. */
  int size() {
    return visited.size();
  }
}
