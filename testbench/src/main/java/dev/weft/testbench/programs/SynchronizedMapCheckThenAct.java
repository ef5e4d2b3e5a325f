package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Check-then-act over {@link Collections#synchronizedMap}: each call holds the map's monitor, but
 * {@code containsKey} and {@code put} are two critical sections, so both threads can see the key
 * absent and both put. The monitors are the JDK's, taken inside {@code Collections}' own code.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class SynchronizedMapCheckThenAct {
  /** What a thread does to put the key once; counts its puts. */
  interface Claim {
    void claim(Map<String, Integer> map, AtomicInteger puts);
  }

  static void run(Claim claim) throws InterruptedException {
    Map<String, Integer> map = Collections.synchronizedMap(new HashMap<>());
    AtomicInteger puts = new AtomicInteger();
    Threads.runConcurrently(() -> claim.claim(map, puts), () -> claim.claim(map, puts));
    assert puts.get() == 1 : "check-then-act: " + puts.get() + " puts, expected 1";
  }

  public static void main(String[] args) throws InterruptedException {
    run((map, puts) -> {
      if (!map.containsKey("k")) {
        map.put("k", 1);
        puts.incrementAndGet();
      }
    });
  }
}
