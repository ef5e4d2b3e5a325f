package dev.weft.explorer.property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Lists of elements with distinct keys, behind {@link Gen#sets} and {@link Gen#maps}. */
final class Distinct {
  private Distinct() {}

  /**
   * {@code minSize} to {@code maxSize} elements whose keys differ, in the order generated. A
   * duplicate is drawn again, one size larger for each duplicate so far (at size 0 a number
   * generator has one value only), up to {@link Gen#FILTER_TRIES} extra draws; shrinks that would
   * make two keys equal are left out.
   */
  static <E> Gen<List<E>> of(Gen<E> elements, Function<? super E, ?> key, int minSize,
      int maxSize, String what) {
    Gen.checkSizes(minSize, maxSize);
    return new Gen<>((size, seed) -> {
      int n = (int) seed.nextLong(minSize, Gen.scale(minSize, maxSize, size));
      List<Tree<E>> trees = new ArrayList<>(n);
      Set<Object> seen = new HashSet<>();
      for (int i = 0; trees.size() < n && i < n + Gen.FILTER_TRIES; i++) {
        int duplicates = i - trees.size();
        Tree<E> t = elements.generate(Math.min(Gen.MAX_SIZE - 1, size + duplicates), seed.child(i));
        if (seen.add(key.apply(t.value()))) trees.add(t);
      }
      if (trees.size() < minSize) {
        throw new IllegalStateException("Gen." + what + " needs " + minSize + " distinct "
            + (what.equals("maps") ? "keys" : "elements") + " but made only " + trees.size()
            + " in " + (n + Gen.FILTER_TRIES) + " draws (size " + size + "): give it a generator"
            + " of more distinct values, or a smaller minSize");
      }
      return Shrinks.list(trees, minSize).filter(list -> distinct(list, key));
    });
  }

  private static <E> boolean distinct(List<E> list, Function<? super E, ?> key) {
    Set<Object> seen = new HashSet<>();
    for (E e : list) if (!seen.add(key.apply(e))) return false;
    return true;
  }
}
