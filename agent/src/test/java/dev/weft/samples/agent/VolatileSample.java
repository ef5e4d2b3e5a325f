package dev.weft.samples.agent;

/** Volatile fields of each width, static and inherited, next to a plain one. */
public class VolatileSample extends VolatileBase {
  static volatile int shared;
  volatile int flag;
  volatile long big;
  volatile double ratio;
  volatile Object ref;
  int plain;

  public VolatileSample() {
    flag = -1; // @line:constructor
  }

  /** Writes then reads every field; returns the values read. */
  public static Object[] writeThenRead() {
    VolatileSample s = new VolatileSample();
    s.flag = 1;
    s.big = 1L << 40;
    s.ratio = 0.5;
    s.ref = "ref";
    shared = 7;
    s.inherited = 3; // @line:inherited
    s.plain = 9;
    return new Object[] {s.flag, s.big, s.ratio, s.ref, shared, s.inherited, s.plain};
  }

  /** Another thread sets the flag; this one spins on it and must see the write. */
  public static int handOff() throws InterruptedException {
    VolatileSample s = new VolatileSample();
    Thread writer =
        new Thread(
            () -> {
              s.big = 42;
              s.flag = 1;
            });
    writer.start();
    while (s.flag != 1) {
      Thread.onSpinWait();
    }
    writer.join();
    return (int) s.big;
  }
}
