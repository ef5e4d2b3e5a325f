package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link AllOfNotJoined}'s twin: main joins the future {@code allOf} returns, which completes only
 * once every page is in the index.
 *
 * <p>Size: pages ({@code args[0]}, default 2).
 */
@Expect(bug = false)
public final class AllOfNotJoinedFixed {
  public static void main(String[] args) {
    AllOfNotJoined.index(allIndexed -> allIndexed.join(), args);
  }
}
