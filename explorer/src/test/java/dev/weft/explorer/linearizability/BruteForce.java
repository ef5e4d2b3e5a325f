package dev.weft.explorer.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * The slow, obvious answer the checker is compared with: try every order of the calls that keeps
 * {@code mustPrecede}, applying each call to a copy of the model, with no memoisation and no parts.
 */
final class BruteForce {
  private BruteForce() {}

  /** Whether some order of {@code calls} keeps {@code mustPrecede(earlier, later)} and every result. */
  static <M> boolean explained(SequentialSpec<M> spec, List<Call> calls,
      BiPredicate<Call, Call> mustPrecede) {
    return search(spec, calls, spec.fresh(), mustPrecede);
  }

  private static <M> boolean search(SequentialSpec<M> spec, List<Call> rest, M model,
      BiPredicate<Call, Call> mustPrecede) {
    if (rest.isEmpty()) return true;
    for (Call next : rest) {
      if (rest.stream().anyMatch(other -> mustPrecede.test(other, next))) continue;
      M copy = spec.copy(model);
      if (!Objects.equals(next.result(), spec.apply(copy, next))) continue;
      List<Call> remaining = new ArrayList<>(rest);
      remaining.remove(next);
      if (search(spec, remaining, copy, mustPrecede)) return true;
    }
    return false;
  }
}
