package dev.weft.samples.cli;

/** Correct: prints the system property named by its argument, as the program's JVM has it. */
public final class PrintsProperty {
  public static void main(String[] args) {
    System.out.println(args[0] + "=" + System.getProperty(args[0]));
  }
}
