package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link VectorCheckThenAct}'s twin: the check and the add hold the vector's monitor together, the
 * client-side locking Vector documents.
 */
@Expect(bug = false)
public final class VectorCheckThenActFixed {
  public static void main(String[] args) throws InterruptedException {
    VectorCheckThenAct.run((members, member) -> {
      synchronized (members) {
        if (!members.contains(member)) members.add(member);
      }
    });
  }
}
