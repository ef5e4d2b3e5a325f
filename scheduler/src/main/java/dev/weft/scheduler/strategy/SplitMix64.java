package dev.weft.scheduler.strategy;

/**
 * Steele, Lea and Flood's SplitMix64: a tiny, fast, seedable generator. Weft's own, so that no
 * strategy depends on JDK random sources that instrumentation may later control.
 */
public final class SplitMix64 {
  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** A well-mixed function of {@code x}; used to derive per-execution seeds. */
  public static long mix(long x) {
    long z = x + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    long x = state;
    state += 0x9E3779B97F4A7C15L;
    return mix(x);
  }

  /** Uniform in {@code [0, bound)}, by Lemire's multiply-shift (bias below 2^-32 for small bounds). */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }
}
