package dev.weft.explorer.property;

import java.util.List;

/**
 * The inputs of a property's tests: the examples first, then generated input {@code i} from the
 * {@code i}-th split of the seed, at a size that grows from 0 to 99 over the {@code tests} asked
 * for (and cycles past them, when discarded tests call for more). Input {@code t} depends on the
 * seed and {@code t} alone, whichever thread asks for it and when.
 */
record Inputs<T>(Gen<T> gen, List<T> examples, long seed, int tests) {
  Inputs {
    examples = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(examples));
  }

  /** Examples and generated inputs asked for. */
  int total() {
    return examples.size() + tests;
  }

  /** The tree of test {@code t}'s input, from 0; an example does not shrink. */
  Tree<T> tree(int t) {
    if (t < examples.size()) return Tree.leaf(examples.get(t));
    int i = t - examples.size();
    return gen.generate(size(i), Seed.of(seed).forTest(i));
  }

  private int size(int i) {
    if (tests >= Gen.MAX_SIZE || i >= tests) return i % Gen.MAX_SIZE;
    return (int) ((long) i * (Gen.MAX_SIZE - 1) / Math.max(1, tests - 1));
  }
}
