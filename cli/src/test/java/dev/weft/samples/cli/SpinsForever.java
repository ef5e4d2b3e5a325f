package dev.weft.samples.cli;

/**
 * Stuck: main spins on a local variable, which has no scheduling point, so Weft never gets the turn
 * back and the execution ends at its timeout.
 */
public final class SpinsForever {
  public static void main(String[] args) {
    long n = 0;
    while (n >= 0) n = (n * 31 + 7) & Long.MAX_VALUE; // the mask keeps it at 0 or above
  }
}
