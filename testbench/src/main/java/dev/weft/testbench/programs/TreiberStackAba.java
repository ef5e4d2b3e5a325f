package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ABA problem: a pool of buffers kept on a lock-free (Treiber) stack whose nodes are the
 * buffers themselves, so a buffer given back is pushed again. A borrower reads the top buffer and
 * the one below it, then swings the top from the first to the second with {@code compareAndSet}.
 * If meanwhile another borrower takes both and gives the first back, the top is the same buffer
 * again, the stale CAS succeeds, and the pool's top becomes a buffer that is still lent out.
 *
 * <p>The bug needs one borrower stopped at one precise step while the other takes three, which SURW
 * hits rarely: with one of the tests' seeds it needed about 1,200 executions, hence the larger
 * budget.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION, executions = 5_000)
public final class TreiberStackAba {
  static final int BUFFERS = 3;

  static final class Buffer {
    final int id;
    Buffer below; // written by the pusher before the CAS that publishes it

    Buffer(int id) {
      this.id = id;
    }
  }

  /** A lock-free stack of buffers: {@code take} pops, {@code give} pushes. */
  interface Pool {
    void give(Buffer b);

    Buffer take(); // null when empty
  }

  static final class TreiberPool implements Pool {
    private final AtomicReference<Buffer> top = new AtomicReference<>();

    @Override
    public void give(Buffer b) {
      Buffer t;
      do {
        t = top.get();
        b.below = t;
      } while (!top.compareAndSet(t, b));
    }

    @Override
    public Buffer take() {
      Buffer t;
      do {
        t = top.get();
        if (t == null) return null;
      } while (!top.compareAndSet(t, t.below));
      return t;
    }
  }

  static void borrow(Pool pool) throws InterruptedException {
    for (int id = BUFFERS - 1; id >= 0; id--) pool.give(new Buffer(id));
    Buffer[] lent = new Buffer[2]; // slot i written by borrower i, read after join
    Threads.runConcurrently(
        () -> lent[0] = pool.take(),
        () -> {
          Buffer first = pool.take();
          lent[1] = pool.take();
          pool.give(first);
        });
    Set<Integer> seen = new HashSet<>();
    for (Buffer b : lent) assert seen.add(b.id) : "buffer " + b.id + " lent twice";
    for (Buffer b = pool.take(); b != null; b = pool.take()) {
      assert seen.add(b.id) : "buffer " + b.id + " in the pool while lent out";
    }
    assert seen.size() == BUFFERS : "buffers lost: only " + seen + " left";
  }

  public static void main(String[] args) throws InterruptedException {
    borrow(new TreiberPool());
  }
}
