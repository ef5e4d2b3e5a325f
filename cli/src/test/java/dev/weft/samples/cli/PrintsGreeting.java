package dev.weft.samples.cli;

/** Correct: prints a line to standard output in every execution, as many programs do. */
public final class PrintsGreeting {
  public static void main(String[] args) {
    System.out.println("hello from the program");
  }
}
