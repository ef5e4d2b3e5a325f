package dev.weft.samples.cli;

/** Buggy in every execution, after printing more than Weft keeps of an execution's output. */
public final class PrintsTooMuch {
  public static void main(String[] args) {
    for (int i = 0; i < 10_000; i++) System.out.printf("line %05d of the program's output%n", i);
    throw new IllegalStateException("failed after printing");
  }
}
