package dev.weft.samples.cli.helper;

/** A counter whose increment is a read then a write of a volatile field: not atomic. */
public final class SharedCounter {
  private volatile int count;

  public void increment() {
    int read = count;
    count = read + 1;
  }

  public int get() {
    return count;
  }
}
