package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Two threads claim the same key of a map: each checks that the key is absent, then puts its own
 * value. Each map call is synchronized, but the check and the put are separate critical sections,
 * so both threads can see the key absent and both insert.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class CheckThenAct {
  private static final String KEY = "owner";

  private final Map<String, String> claims = new HashMap<>(); // guarded by this
  private int inserts; // guarded by this

  private void claim(String claimant) {
    boolean present;
    synchronized (this) {
      present = claims.containsKey(KEY);
    }
    if (!present) {
      synchronized (this) {
        claims.put(KEY, claimant);
        inserts++;
      }
    }
  }

  public static void main(String[] args) throws InterruptedException {
    CheckThenAct registry = new CheckThenAct();
    Threads.runConcurrently(() -> registry.claim("first"), () -> registry.claim("second"));
    synchronized (registry) {
      assert registry.inserts == 1 : "check-then-act: " + registry.inserts + " inserts, expected 1";
    }
  }
}
