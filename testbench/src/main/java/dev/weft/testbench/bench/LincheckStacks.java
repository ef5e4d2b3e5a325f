package dev.weft.testbench.bench;

import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;

/**
 * The stacks as Lincheck tests them: one class per structure, a fresh instance per invocation,
 * with the same operations as Weft's side (push of 1 or 2, pop). Each constructor marks a
 * java.lang buffer, which Lincheck neither instruments nor restores, so the child can count
 * invocations.
 */
public final class LincheckStacks {
  static final StringBuffer CONSTRUCTED = new StringBuffer();

  private LincheckStacks() {}

  /** Lincheck's tests of a stack. */
  @Param(name = "value", gen = IntGen.class, conf = "1:2")
  public abstract static class StackTest {
    private final BenchStacks.Stack stack;

    StackTest(BenchStacks.Stack stack) {
      this.stack = stack;
      CONSTRUCTED.append('I');
    }

    @Operation
    public void push(@Param(name = "value") int value) {
      stack.push(value);
    }

    @Operation
    public Integer pop() {
      return stack.pop();
    }
  }

  /** The stack whose push and pop read, then set, the top. */
  public static final class ReadThenSetTest extends StackTest {
    public ReadThenSetTest() {
      super(new BenchStacks.ReadThenSet());
    }
  }

  /** Treiber's stack. */
  public static final class TreiberTest extends StackTest {
    public TreiberTest() {
      super(new BenchStacks.Treiber());
    }
  }
}
