package dev.weft.samples.property;

import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.property.ConcurrentWorkload;
import dev.weft.explorer.property.ExecutionTrace;
import dev.weft.explorer.property.ForAllWorkloads;
import dev.weft.explorer.property.Gen;
import dev.weft.explorer.property.Properties;
import dev.weft.explorer.property.ThreadDistribution;
import dev.weft.explorer.property.WorkloadOperation;
import dev.weft.explorer.property.WorkloadResult;
import java.util.List;
import java.util.Locale;

/**
 * What shrinking makes of the bank's and the queue's failures found by forAllWorkloads: threads,
 * operations and preemptions as found and as reported, the shrink steps, and the time shrinking
 * adds. Each workload property is checked twice with the same seed: once reporting the failure as
 * found (no input shrinking, no schedule shrinking), once as by default; the difference of their
 * times is what shrinking cost. A benchmark, not a test: {@code java ... ShrinkSizes ROUNDS}; a
 * first round of each, not shown, warms up.
 */
public final class ShrinkSizes {
  private ShrinkSizes() {}

  /** Transfers between two accounts and audits, on a bank that does not lock: money is lost. */
  static ForAllWorkloads<Banks.Unlocked> bank() {
    WorkloadOperation<Banks.Unlocked> transfer = WorkloadOperation.of("transfer",
        Gen.zip(Gen.ints(0, 1), Gen.ints(1, 100)),
        (bank, t) -> bank.transfer(t.first(), 1 - t.first(), t.second()));
    WorkloadOperation<Banks.Unlocked> audit = WorkloadOperation.of("total", Banks.Unlocked::total);
    return Properties.forAllWorkloads(Gen.<Banks.Unlocked>concurrentOperations()
            .operation(0.8, transfer).operation(0.2, audit)
            .threads(new ThreadDistribution(2, 4, 1, 4)).gen(),
        () -> new Banks.Unlocked(100, 100),
        (workload, trace) -> {
          if (trace.finalState().total() != 200 || !trace.finalState().noneNegative()) {
            throw new AssertionError("money lost or overdrawn: " + trace.finalState());
          }
        });
  }

  /** The docs' lock-free queue: pushes and pops at once, and no item popped twice. */
  static ForAllWorkloads<Queues.IntQueue> queue() {
    WorkloadOperation<Queues.IntQueue> push =
        WorkloadOperation.of("push", Gen.ints(0, 9), (q, item) -> {
          q.push(item);
          return null;
        });
    WorkloadOperation<Queues.IntQueue> pop = WorkloadOperation.of("pop", Queues.IntQueue::pop);
    return Properties.forAllWorkloads(Gen.<Queues.IntQueue>concurrentOperations()
            .operation(0.5, push).operation(0.5, pop)
            .threads(new ThreadDistribution(2, 3, 1, 4)).gen(),
        Queues.BrokenMichaelScott::new,
        (workload, trace) -> {
          long pushes = workload.calls().stream().filter(c -> c.operation().equals("push"))
              .count();
          if (pushes < popped(trace)) throw new AssertionError("pushes < pops");
        });
  }

  private static long popped(ExecutionTrace<Queues.IntQueue> trace) {
    return trace.operations().stream()
        .flatMap(o -> ((List<?>) o.outcome().value()).stream())
        .filter(Integer.class::isInstance).count();
  }

  /** One check: the failure's workload, its preemptions, and the time. */
  record Run(ConcurrentWorkload<?> workload, int steps, int preemptions, double seconds) {
    static <S> Run of(WorkloadResult<S> r) {
      Failure f = r.failure().orElseThrow().failure().orElseThrow();
      var c = r.counterexample().orElseThrow();
      return new Run(c.shrunk(), c.shrinkSteps(), f.preemptions(), r.elapsed().toNanos() / 1e9);
    }

    String size() {
      return String.format(Locale.ROOT, "%d threads, %d operations, %d preemptions",
          workload.threadCount(), workload.calls().size(), preemptions);
    }
  }

  private static <S> void measure(String name, java.util.function.Supplier<ForAllWorkloads<S>> p,
      int rounds) {
    Options found = Options.builder().iterations(100).shrink(false).testName(name).build();
    Options shrunk = Options.builder().iterations(100).testName(name).build();
    // A first round, not shown, loads the agent and warms the JIT.
    p.get().withTests(10).withOptions(shrunk).check();
    for (int round = 1; round <= rounds; round++) {
      Run asFound = Run.of(p.get().withTests(10).withShrinkRuns(0).withOptions(found).check());
      Run reported = Run.of(p.get().withTests(10).withOptions(shrunk).check());
      System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %d | %.2f s | %.2f s |%n", name, round,
          asFound.size(), reported.size(), reported.steps(), reported.seconds(),
          reported.seconds() - asFound.seconds());
      if (round == 1) {
        System.out.println("<!-- " + name + ": " + asFound.workload() + " -> "
            + reported.workload() + " -->");
      }
    }
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    System.out.println("| example | round | as found | shrunk | input shrink steps | check |"
        + " shrinking adds |");
    System.out.println("|---|---|---|---|---|---|---|");
    measure("bank", ShrinkSizes::bank, rounds);
    measure("queue", ShrinkSizes::queue, rounds);
  }
}
