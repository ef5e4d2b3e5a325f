package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Vector;

/**
 * Check-then-act over a {@link Vector}: {@code contains} and {@code add} are each synchronized, but
 * not together, so both threads can add the same element. Vector's methods are {@code
 * synchronized} methods of the JDK, whose monitor the JVM takes before their first instruction.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class VectorCheckThenAct {
  /** What a thread does to add the element once. */
  interface AddOnce {
    void add(Vector<String> members, String member);
  }

  static void run(AddOnce addOnce) throws InterruptedException {
    Vector<String> members = new Vector<>();
    Threads.runConcurrently(() -> addOnce.add(members, "k"), () -> addOnce.add(members, "k"));
    assert members.size() == 1 : "check-then-act: " + members + ", expected one k";
  }

  public static void main(String[] args) throws InterruptedException {
    run((members, member) -> {
      if (!members.contains(member)) members.add(member);
    });
  }
}
