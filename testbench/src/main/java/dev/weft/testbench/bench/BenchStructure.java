package dev.weft.testbench.bench;

import dev.weft.explorer.linearizability.Linearizability;
import dev.weft.explorer.linearizability.Operation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingDeque;

/**
 * The pairs of structures {@link LinearizabilityBench} compares the tools on, a correct one and a
 * broken one, each with Weft's check and Lincheck's test classes over the same operations and
 * sequential model.
 */
enum BenchStructure {
  /** Treiber's stack, and one whose push and pop read, then set, the top (push of 1 or 2, pop). */
  STACK("Treiber", "read-then-set", BenchStacks.Sequential.class,
      LincheckStacks.TreiberTest.class, LincheckStacks.ReadThenSetTest.class) {
    @Override
    Linearizability<?, ?> check(boolean broken, LinearizabilityBench.Args a) {
      return LinearizabilityBench.check(
          broken ? BenchStacks.ReadThenSet::new : BenchStacks.Treiber::new, a);
    }
  },
  /** Michael and Scott's queue, and one whose offer links by a plain set (offer of 1 or 2, poll). */
  QUEUE("Michael-Scott", "lost-offer", BenchQueues.Sequential.class,
      LincheckQueues.MichaelScottTest.class, LincheckQueues.LostOfferTest.class) {
    @Override
    Linearizability<?, ?> check(boolean broken, LinearizabilityBench.Args a) {
      return Linearizability.<BenchQueues.Queue, BenchQueues.Sequential>of(
              broken ? BenchQueues.LostOffer::new : BenchQueues.MichaelScott::new,
              BenchQueues.Sequential::new, BenchQueues.Sequential::copy,
              BenchQueues.Sequential::state)
          .operations(
              Operation.of("offer", List.of(1, 2), (q, v) -> {
                q.offer(v);
                return null;
              }),
              Operation.of("poll", BenchQueues.Queue::poll))
          .threads(a.threads()).operationsPerThread(a.ops());
    }
  },
  /**
   * The JDK's deques: LinkedBlockingDeque, and ConcurrentLinkedDeque, whose inside Weft schedules
   * (addFirst and addLast of 1 or 2, pollFirst, peekLast).
   */
  DEQUE("LinkedBlockingDeque", "ConcurrentLinkedDeque", BenchDeques.Sequential.class,
      LincheckDeques.LinkedBlockingDequeTest.class, LincheckDeques.ConcurrentLinkedDequeTest.class) {
    @Override
    Linearizability<?, ?> check(boolean broken, LinearizabilityBench.Args a) {
      return Linearizability.<Deque<Integer>, ArrayDeque<Integer>>of(
              broken ? ConcurrentLinkedDeque::new : LinkedBlockingDeque::new, ArrayDeque::new,
              ArrayDeque::new, List::copyOf)
          .operations(
              Operation.of("addFirst", List.of(1, 2), (d, v) -> {
                d.addFirst(v);
                return null;
              }),
              Operation.of("addLast", List.of(1, 2), (d, v) -> {
                d.addLast(v);
                return null;
              }),
              Operation.of("pollFirst", Deque::pollFirst),
              Operation.of("peekLast", Deque::peekLast))
          .threads(a.threads()).operationsPerThread(a.ops());
    }
  };

  final String correct;
  final String broken;
  final Class<?> sequential;
  final Class<?> lincheckCorrect;
  final Class<?> lincheckBroken;

  BenchStructure(String correct, String broken, Class<?> sequential, Class<?> lincheckCorrect,
      Class<?> lincheckBroken) {
    this.correct = correct;
    this.broken = broken;
    this.sequential = sequential;
    this.lincheckCorrect = lincheckCorrect;
    this.lincheckBroken = lincheckBroken;
  }

  /** Weft's check of the broken structure or of the correct one, at the bench's scenario size. */
  abstract Linearizability<?, ?> check(boolean broken, LinearizabilityBench.Args a);

  /** {@code stack} or {@code queue}, as {@code --structure} takes it. */
  String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static BenchStructure parse(String name) {
    for (BenchStructure s : values()) {
      if (s.cliName().equals(name)) return s;
    }
    throw new IllegalArgumentException(
        "unknown structure " + name + "; use stack, queue or deque");
  }
}
