package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Two threads copy two synchronized maps into each other with {@code putAll}. Each call holds its
 * target's monitor while it reads the source, which takes the source's monitor: one thread holds
 * the first map and waits for the second, the other the reverse. Both monitors are taken inside the
 * JDK's code.
 */
@Expect(bug = true, kind = FailureKind.DEADLOCK)
public final class SynchronizedMapDeadlock {
  /** How a thread copies {@code from} into {@code into}. */
  interface Copy {
    void copy(Map<String, Integer> from, Map<String, Integer> into);
  }

  static void run(Copy copy) throws InterruptedException {
    Map<String, Integer> left = Collections.synchronizedMap(new HashMap<>(Map.of("a", 1)));
    Map<String, Integer> right = Collections.synchronizedMap(new HashMap<>(Map.of("b", 2)));
    Threads.startAndJoin(
        Threads.named("left-to-right", () -> copy.copy(left, right)),
        Threads.named("right-to-left", () -> copy.copy(right, left)));
    assert left.containsKey("b") && right.containsKey("a") : "a copy is missing";
  }

  public static void main(String[] args) throws InterruptedException {
    run((from, into) -> into.putAll(from));
  }
}
