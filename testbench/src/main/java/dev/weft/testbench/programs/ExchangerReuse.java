package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Exchanger;

/**
 * A buffer used after it was handed over: a producer fills a buffer and swaps it for the consumer's
 * empty one through an {@link Exchanger}, but ignores what {@code exchange} returns and refills the
 * buffer it just gave away. When the producer comes back from the swap first, it overwrites the
 * round the consumer is about to read.
 *
 * <p>Size: rounds ({@code args[0]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class ExchangerReuse {
  /** How the producer hands a full buffer over; returns the buffer it fills next. */
  interface HandOver {
    List<Integer> swap(Exchanger<List<Integer>> exchanger, List<Integer> full)
        throws InterruptedException;
  }

  static void transfer(HandOver producer, String[] args) throws InterruptedException {
    int rounds = Args.size(args, 0, 2);
    Exchanger<List<Integer>> exchanger = new Exchanger<>();
    Threads.startAndJoin(
        Threads.named("producer", () -> {
          List<Integer> buffer = new ArrayList<>();
          for (int round = 1; round <= rounds; round++) {
            buffer.clear();
            buffer.add(round);
            buffer = producer.swap(exchanger, buffer);
          }
        }),
        Threads.named("consumer", () -> {
          List<Integer> buffer = new ArrayList<>();
          for (int round = 1; round <= rounds; round++) {
            buffer = exchanger.exchange(buffer);
            assert buffer.equals(List.of(round)) : "round " + round + " received " + buffer;
            buffer.clear();
          }
        }));
  }

  public static void main(String[] args) throws InterruptedException {
    transfer((exchanger, full) -> {
      exchanger.exchange(full); // the empty buffer it returns is dropped
      return full;
    }, args);
  }
}
