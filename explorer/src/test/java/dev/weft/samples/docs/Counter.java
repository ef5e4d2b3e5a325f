package dev.weft.samples.docs;

/** The counter of docs/api.md: its increment is not atomic. */
public class Counter {
  private volatile int value;

  public void increment() {
    value = value + 1;
  }

  public int get() {
    return value;
  }
}
