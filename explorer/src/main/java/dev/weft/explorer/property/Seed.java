package dev.weft.explorer.property;

/**
 * An immutable, splittable random seed: SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), as Hedgehog's {@code Seed}. Every value a
 * generator makes comes from a seed split off its parent, never from a shared stream, so the value
 * of test {@code i} depends on the property's seed and {@code i} alone: not on how many threads run
 * the tests, in which order, or on which JDK ({@link java.util.SplittableRandom} could change).
 *
 * @param value the current state
 * @param gamma the odd increment of this seed's stream
 */
record Seed(long value, long gamma) {
  private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

  /** The root seed of a property's seed. */
  static Seed of(long seed) {
    return new Seed(mix64(seed), mixGamma(seed + GOLDEN_GAMMA));
  }

  /** The seed of test {@code index}: the {@code index}-th split of this one, in O(1). */
  Seed forTest(long index) {
    long v = value + (2 * index + 1) * gamma;
    return new Seed(mix64(v), mixGamma(v + gamma));
  }

  /** Two independent seeds; the left is this seed's next state, the right a new stream. */
  Seed[] split() {
    long v1 = value + gamma;
    long v2 = v1 + gamma;
    return new Seed[] {new Seed(v2, gamma), new Seed(mix64(v1), mixGamma(v2))};
  }

  /** A seed independent of this one, for the {@code n}-th of several children (n from 0). */
  Seed child(int n) {
    return forTest(Integer.MAX_VALUE + 1L + n);
  }

  /** A uniformly random long drawn from this seed. */
  long nextLong() {
    return mix64(value + gamma);
  }

  /** A uniformly random long in {@code [lo, hi]}, inclusive, by unsigned rejection sampling. */
  long nextLong(long lo, long hi) {
    if (lo > hi) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
    long span = hi - lo + 1; // unsigned; 0 when the range is every long
    if (span == 0) return nextLong();
    long bound = -Long.remainderUnsigned(-span, span) - 1; // the last unbiased value, unsigned
    Seed s = this;
    while (true) {
      long r = s.nextLong();
      if (Long.compareUnsigned(r, bound) <= 0) return lo + Long.remainderUnsigned(r, span);
      s = s.split()[0];
    }
  }

  // Stafford's variant 13 of MurmurHash3's finaliser, as SplitMix64 uses for its output.
  private static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  // MurmurHash3's finaliser, forced odd, and with enough bit flips that the stream looks random.
  private static long mixGamma(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    z = (z ^ (z >>> 33)) | 1L;
    int n = Long.bitCount(z ^ (z >>> 1));
    return n < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
  }
}
