package dev.weft.testbench.bench;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The JDK's deques as Lincheck tests them, as {@link LincheckQueues} does the queues: addFirst and
 * addLast of 1 or 2, pollFirst, peekLast; each constructor marks {@link LincheckStacks#CONSTRUCTED}.
 */
public final class LincheckDeques {
  private LincheckDeques() {}

  /** Lincheck's tests of a deque. */
  @Param(name = "value", gen = IntGen.class, conf = "1:2")
  public abstract static class DequeTest {
    private final Deque<Integer> deque;

    DequeTest(Deque<Integer> deque) {
      this.deque = deque;
      LincheckStacks.CONSTRUCTED.append('I');
    }

    @Operation
    public void addFirst(@Param(name = "value") int value) {
      deque.addFirst(value);
    }

    @Operation
    public void addLast(@Param(name = "value") int value) {
      deque.addLast(value);
    }

    @Operation
    public Integer pollFirst() {
      return deque.pollFirst();
    }

    @Operation
    public Integer peekLast() {
      return deque.peekLast();
    }
  }

  /** The JDK's lock-free deque. */
  public static final class ConcurrentLinkedDequeTest extends DequeTest {
    public ConcurrentLinkedDequeTest() {
      super(new ConcurrentLinkedDeque<>());
    }
  }

  /** The JDK's deque under one lock. */
  public static final class LinkedBlockingDequeTest extends DequeTest {
    public LinkedBlockingDequeTest() {
      super(new LinkedBlockingDeque<>());
    }
  }
}
