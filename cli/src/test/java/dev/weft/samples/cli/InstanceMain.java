package dev.weft.samples.cli;

/** Not a program Java 17 can run: its main is not static. */
public final class InstanceMain {
  public void main(String[] args) {}
}
