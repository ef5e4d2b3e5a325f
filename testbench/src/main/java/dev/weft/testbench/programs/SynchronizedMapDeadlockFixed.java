package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link SynchronizedMapDeadlock}'s twin: each thread takes a snapshot of the source under its
 * monitor alone (as {@code Collections.synchronizedMap} asks of any iteration), then copies the
 * snapshot into the target, so no thread holds one map's monitor while it waits for the other's.
 */
@Expect(bug = false)
public final class SynchronizedMapDeadlockFixed {
  public static void main(String[] args) throws InterruptedException {
    SynchronizedMapDeadlock.run((from, into) -> {
      Map<String, Integer> snapshot;
      synchronized (from) {
        snapshot = new HashMap<>(from);
      }
      into.putAll(snapshot);
    });
  }
}
