package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;
import java.util.HashMap;
import java.util.Map;

/** {@link CheckThenAct}'s twin: the check and the put happen in one critical section. */
@Expect(bug = false)
public final class CheckThenActFixed {
  private static final String KEY = "owner";

  private final Map<String, String> claims = new HashMap<>(); // guarded by this
  private int inserts; // guarded by this

  private void claim(String claimant) {
    synchronized (this) {
      if (!claims.containsKey(KEY)) {
        claims.put(KEY, claimant);
        inserts++;
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    CheckThenActFixed registry = new CheckThenActFixed();
    Threads.runConcurrently(() -> registry.claim("first"), () -> registry.claim("second"));
    synchronized (registry) {
      assert registry.inserts == 1 : "check-then-act: " + registry.inserts + " inserts, expected 1";
    }
  }
}
