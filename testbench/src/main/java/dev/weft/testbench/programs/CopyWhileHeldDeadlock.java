package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each thread walks one vector with {@code forEach}, which holds its monitor, and from the callback
 * reaches the other vector: the first copies it with {@code new ArrayList<>(other)}, whose monitor
 * the JDK takes inside {@code toArray} with no call of the program's to it, the second adds to it.
 * One holds the first vector and waits for the second, the other the reverse.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class CopyWhileHeldDeadlock {
  public static void main(String[] args) throws InterruptedException {
    Vector<String> left = new Vector<>(List.of("l"));
    Vector<String> right = new Vector<>(List.of("r"));
    AtomicInteger steps = new AtomicInteger();
    List<String> copy = new ArrayList<>();
    Threads.startAndJoin(
        Threads.named("copier", () -> left.forEach(x -> {
          steps.incrementAndGet();
          copy.addAll(new ArrayList<>(right));
        })),
        Threads.named("adder", () -> right.forEach(x -> {
          steps.incrementAndGet();
          left.add(x);
        })));
  }
}
