package dev.weft.samples.agent;

/** Plain fields and arrays of every kind, for the race-detection rules. */
public class RacySample {
  static int[] table = {1, 2, 3};
  static long statics;
  final int fixed;
  int count;
  long big;
  volatile boolean flag;

  public RacySample() {
    fixed = 4;
  }

  /** Reads and writes each kind once; the result shows the values are unchanged. */
  public static Object[] touchAll() {
    RacySample s = new RacySample();
    s.count = 5; // plain write
    s.big = 1L << 40; // two-slot plain write
    int c = s.count; // plain read
    statics = s.big + s.fixed; // plain reads, a final read, a static write
    long[] longs = new long[2];
    longs[1] = 7L; // two-slot element write
    double[] doubles = {0.5};
    doubles[0] = doubles[0] * 2; // element read and write
    String[] strings = {"a", "b"};
    strings[1] = strings[0] + "c";
    table[2] = table[1] + longs.length; // element read, then write
    s.flag = true; // volatile: its own hook, not a plain one
    return new Object[] {c, statics, longs[1], doubles[0], strings[1], table[2], s.flag};
  }

  /** An index out of range still throws as it would, after the hook. */
  public static int outOfRange() {
    try {
      return table[10];
    } catch (ArrayIndexOutOfBoundsException e) {
      return -1;
    }
  }
}
