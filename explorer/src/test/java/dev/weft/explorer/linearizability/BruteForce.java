package dev.weft.explorer.linearizability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The slow, obvious answer the checker is compared with: try every order of the calls that keeps
 * {@code mustPrecede}, applying each call to a fresh queue, with no memoisation at all.
 */
final class BruteForce {
  private BruteForce() {}

  /** Whether some order of {@code calls} keeps {@code mustPrecede(earlier, later)} and every result. */
  static boolean explained(List<Call> calls, BiPredicate<Call, Call> mustPrecede) {
    return search(calls, new ArrayDeque<>(), mustPrecede);
  }

  private static boolean search(List<Call> rest, ArrayDeque<Integer> model,
      BiPredicate<Call, Call> mustPrecede) {
    if (rest.isEmpty()) return true;
    for (Call next : rest) {
      if (rest.stream().anyMatch(other -> mustPrecede.test(other, next))) continue;
      ArrayDeque<Integer> copy = new ArrayDeque<>(model);
      if (!Objects.equals(next.result(), LinearizabilityCheckerTest.QUEUE.apply(copy, next))) {
        continue;
      }
      List<Call> remaining = new ArrayList<>(rest);
      remaining.remove(next);
      if (search(remaining, copy, mustPrecede)) return true;
    }
    return false;
  }
}
