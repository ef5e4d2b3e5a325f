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

  /**
   * Whether the prefix of {@code calls} that ends at the response of {@code last} has a
   * linearization: some order of the calls invoked before that response, keeping real time, in
   * which every call that responded by then comes with its result, and each call still running may
   * come (with any result) or not.
   */
  static <M> boolean prefixExplained(SequentialSpec<M> spec, List<Call> calls, Call last) {
    List<Call> inside = new ArrayList<>();
    for (Call c : calls) if (c.invoked() < last.responded()) inside.add(c);
    return prefix(spec, inside, spec.fresh(), last.responded());
  }

  private static <M> boolean prefix(SequentialSpec<M> spec, List<Call> rest, M model, int cut) {
    if (rest.stream().allMatch(c -> c.responded() > cut)) return true; // only running calls left
    for (Call next : rest) {
      if (rest.stream().anyMatch(other -> other.responded() <= cut && other.precedes(next))) {
        continue;
      }
      M copy = spec.copy(model);
      Object result = spec.apply(copy, next);
      if (next.responded() <= cut && !Objects.equals(next.result(), result)) continue;
      List<Call> remaining = new ArrayList<>(rest);
      remaining.remove(next);
      if (prefix(spec, remaining, copy, cut)) return true;
    }
    return false;
  }
}
