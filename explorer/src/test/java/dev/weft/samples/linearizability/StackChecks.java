package dev.weft.samples.linearizability;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.linearizability.Linearizability;
import dev.weft.explorer.linearizability.Operation;
import dev.weft.samples.explorer.Stacks;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Linearizability checks as a user writes them in JUnit 5: a plain {@code @Test} that ends with
 * {@code assertLinearizable()}. Run through the launcher by LinearizabilityJUnitTest, never by
 * Surefire (the name does not end in Test): one of them fails on purpose.
 */
public class StackChecks {
  /** Pushes of 1 or 2 and pops, 2 threads of 2 calls, 10 scenarios from seed 3. */
  public static Linearizability<Stacks.Stack, Stacks.Sequential> stack(
      Supplier<Stacks.Stack> concurrent) {
    return Linearizability.<Stacks.Stack, Stacks.Sequential>of(concurrent, Stacks.Sequential::new,
            Stacks.Sequential::copy, Stacks.Sequential::state)
        .operations(
            Operation.of("push", List.of(1, 2), (s, v) -> {
              s.push(v);
              return null;
            }),
            Operation.of("pop", Stacks.Stack::pop))
        .threads(2).operationsPerThread(2).scenarios(10).seed(3);
  }

  /** Systematic search, 5,000 executions at most, named {@code name}. */
  public static Options dfs(String name) {
    return Options.builder().strategy(StrategyKind.DFS).iterations(5_000).testName(name).build();
  }

  @Test
  void readThenSetStack() {
    stack(Stacks.ReadThenSet::new).check(dfs("junit-read-then-set")).assertLinearizable();
  }

  @Test
  void treiberStack() {
    stack(Stacks.Treiber::new).check(dfs("junit-treiber")).assertLinearizable();
  }
}
