package dev.weft.scheduler.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
  @Test
  void theSameSeedGivesTheSameSequence() {
    SplitMix64 a = new SplitMix64(42);
    SplitMix64 b = new SplitMix64(42);
    for (int i = 0; i < 100; i++) assertEquals(a.nextLong(), b.nextLong());
    assertNotEquals(new SplitMix64(42).nextLong(), new SplitMix64(43).nextLong());
  }

  @Test
  void matchesTheReferenceOutput() {
    // First outputs of the reference SplitMix64 (Vigna's splitmix64.c) seeded with 0.
    SplitMix64 r = new SplitMix64(0);
    assertEquals(0xE220A8397B1DCDAFL, r.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, r.nextLong());
    assertEquals(0x06C45D188009454FL, r.nextLong());
  }

  @Test
  void nextIntStaysWithinItsBoundAndCoversIt() {
    SplitMix64 r = new SplitMix64(1);
    int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) counts[r.nextInt(7)]++;
    for (int c : counts) assertTrue(c > 9_000 && c < 11_000, "skewed: " + c);
  }
}
