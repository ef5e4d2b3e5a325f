package dev.weft.samples.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Keys hashed by identity, put into a {@code ConcurrentHashMap} whose inside Weft schedules
 * ({@code openJdkStructures}): the key's hash is Weft's chosen one, looked up in a map of Weft's
 * own while the program is inside its call on the structure. The search must still see the same
 * steps for the same choices in every execution, whatever earlier executions left in that map, and
 * so reach its end. In the full sweep ({@code -Dweft.corpus=full}).
 */
class IdentityHashedKeysTest {
  /** A key whose hash is its identity hash, as {@code Object}'s is. */
  static final class IdentityKey {
    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "weft.corpus", matches = "full")
  void identityHashedKeysInAConcurrentMapAreExploredDeterministicallyToTheEnd() {
    Options dfs = Options.builder().strategy(StrategyKind.DFS).iterations(20_000)
        .openJdkStructures(true).testName("identity-keys").build();
    ExplorationResult result = Weft.exploreInterleavings(dfs, () -> {
      Map<Object, Integer> map = new ConcurrentHashMap<>();
      Thread a = new Thread(() -> map.put(new IdentityKey(), 1));
      Thread b = new Thread(() -> map.put(new IdentityKey(), 2));
      a.start();
      b.start();
      a.join();
      b.join();
      if (map.size() != 2) throw new AssertionError("a put was lost: " + map);
    });

    assertEquals(ExplorationResult.StopReason.EXHAUSTED, result.stopReason(), result.summary());
  }
}
