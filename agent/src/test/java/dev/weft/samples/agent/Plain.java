package dev.weft.samples.agent;

/** Nothing any rule looks at: left untouched. */
public class Plain {
  private int value;

  public int next() {
    return ++value;
  }
}
