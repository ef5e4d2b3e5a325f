package dev.weft.samples.explorer;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.Weft;

/**
 * A JVM's main that explores once, for a JVM started without {@code -javaagent}: Weft attaches its
 * agent at run time. Prints the exploration's summary.
 */
public final class ExploresWithoutTheAgent {
  private ExploresWithoutTheAgent() {}

  public static void main(String[] args) {
    System.out.println(Weft.exploreInterleavings(Options.builder().iterations(1).build(),
        () -> VolatileCounter.race(true)).summary());
  }
}
