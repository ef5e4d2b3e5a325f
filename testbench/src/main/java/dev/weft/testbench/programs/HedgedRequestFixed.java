package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link HedgedRequest}'s twin: a reply bills only when its own {@code complete} won, which is true
 * for exactly one of them.
 */
@Expect(bug = false)
public final class HedgedRequestFixed {
  public static void main(String[] args) {
    HedgedRequest.request((answer, reply, billed) -> {
      if (answer.complete(reply)) billed.incrementAndGet();
    });
  }
}
