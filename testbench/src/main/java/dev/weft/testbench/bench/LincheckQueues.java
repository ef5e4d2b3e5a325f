package dev.weft.testbench.bench;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The queues as Lincheck tests them, as {@link LincheckStacks} does the stacks: offer of 1 or 2,
 * poll; each constructor marks {@link LincheckStacks#CONSTRUCTED} to count invocations.
 */
public final class LincheckQueues {
  private LincheckQueues() {}

  /** Lincheck's tests of a queue. */
  @Param(name = "value", gen = IntGen.class, conf = "1:2")
  public abstract static class QueueTest {
    private final BenchQueues.Queue queue;

    QueueTest(BenchQueues.Queue queue) {
      this.queue = queue;
      LincheckStacks.CONSTRUCTED.append('I');
    }

    @Operation
    public void offer(@Param(name = "value") int value) {
      queue.offer(value);
    }

    @Operation
    public Integer poll() {
      return queue.poll();
    }
  }

  /** Michael and Scott's queue with the offer that links by a plain set. */
  public static final class LostOfferTest extends QueueTest {
    public LostOfferTest() {
      super(new BenchQueues.LostOffer());
    }
  }

  /** Michael and Scott's queue. */
  public static final class MichaelScottTest extends QueueTest {
    public MichaelScottTest() {
      super(new BenchQueues.MichaelScott());
    }
  }
}
