package dev.weft.scheduler.strategy.dfs;

import java.util.Arrays;

/**
 * A set of small non-negative ids (threads, or the values of a choice), as bits. Ids below 64 live
 * in one {@code long}, so the common program costs what a bit mask costs; larger ids spill into an
 * array that grows as needed, so no program has too many threads for the search. Mutable; not
 * thread-safe (systematic search runs on the thread holding the turn).
 */
final class IdSet {
  /** Ids 0..63. */
  private long low;
  /** Word {@code i} holds ids {@code 64 (i + 1)} to {@code 64 (i + 1) + 63}; empty until needed. */
  private long[] high = NONE;

  private static final long[] NONE = new long[0];

  IdSet() {}

  private IdSet(long low, long[] high) {
    this.low = low;
    this.high = high;
  }

  static IdSet of(int id) {
    IdSet s = new IdSet();
    s.add(id);
    return s;
  }

  /** The ids {@code 0..n-1}. */
  static IdSet range(int n) {
    IdSet s = new IdSet();
    for (int i = 0; i < n; i++) s.add(i);
    return s;
  }

  IdSet copy() {
    return new IdSet(low, high.length == 0 ? NONE : high.clone());
  }

  boolean contains(int id) {
    if (id < 64) return id >= 0 && (low & 1L << id) != 0;
    int word = (id >>> 6) - 1;
    return word < high.length && (high[word] & 1L << id) != 0;
  }

  void add(int id) {
    if (id < 0) throw new IllegalArgumentException("ids are non-negative, was " + id);
    if (id < 64) {
      low |= 1L << id;
      return;
    }
    int word = (id >>> 6) - 1;
    if (word >= high.length) high = Arrays.copyOf(high, Math.max(word + 1, 2 * high.length));
    high[word] |= 1L << id;
  }

  void remove(int id) {
    if (id >= 0 && id < 64) {
      low &= ~(1L << id);
    } else if (id >= 64 && (id >>> 6) - 1 < high.length) {
      high[(id >>> 6) - 1] &= ~(1L << id);
    }
  }

  void addAll(IdSet other) {
    low |= other.low;
    if (other.high.length > high.length) high = Arrays.copyOf(high, other.high.length);
    for (int i = 0; i < other.high.length; i++) high[i] |= other.high[i];
  }

  void removeAll(IdSet other) {
    low &= ~other.low;
    for (int i = 0; i < Math.min(high.length, other.high.length); i++) high[i] &= ~other.high[i];
  }

  void retainAll(IdSet other) {
    low &= other.low;
    for (int i = 0; i < high.length; i++) high[i] &= i < other.high.length ? other.high[i] : 0;
  }

  boolean intersects(IdSet other) {
    if ((low & other.low) != 0) return true;
    for (int i = 0; i < Math.min(high.length, other.high.length); i++) {
      if ((high[i] & other.high[i]) != 0) return true;
    }
    return false;
  }

  boolean isEmpty() {
    return first() < 0;
  }

  int size() {
    int n = Long.bitCount(low);
    for (long w : high) n += Long.bitCount(w);
    return n;
  }

  /** The smallest id, or -1 when empty. */
  int first() {
    return next(0);
  }

  /** The smallest id at least {@code from}, or -1; iterate with {@code next(id + 1)}. */
  int next(int from) {
    if (from < 64) {
      long rest = from < 0 ? low : low & -1L << from;
      if (rest != 0) return Long.numberOfTrailingZeros(rest);
      from = 64;
    }
    for (int word = (from >>> 6) - 1; word < high.length; word++) {
      long rest = high[word];
      if (word == (from >>> 6) - 1) rest &= -1L << from;
      if (rest != 0) return 64 * (word + 1) + Long.numberOfTrailingZeros(rest);
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IdSet other) || low != other.low) return false;
    int common = Math.min(high.length, other.high.length);
    for (int i = 0; i < common; i++) if (high[i] != other.high[i]) return false;
    for (int i = common; i < high.length; i++) if (high[i] != 0) return false;
    for (int i = common; i < other.high.length; i++) if (other.high[i] != 0) return false;
    return true;
  }

  @Override
  public int hashCode() {
    long h = low;
    for (int i = 0; i < high.length; i++) h += high[i] * (2 * i + 3); // an empty word adds nothing
    return Long.hashCode(h);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    for (int id = first(); id >= 0; id = next(id + 1)) {
      s.append(s.length() > 1 ? ", " : "").append(id);
    }
    return s.append('}').toString();
  }
}
