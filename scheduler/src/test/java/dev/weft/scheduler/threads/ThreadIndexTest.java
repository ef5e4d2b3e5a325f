package dev.weft.scheduler.threads;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index of an execution's threads finds each by its {@code Thread}, past every growth. */
class ThreadIndexTest {
  private static final int THREADS = 1_000; // well past the table's first size

  @Test
  void findsEveryThreadAddedAndNoOther() {
    ThreadIndex<Holder> index = new ThreadIndex<>();
    List<Holder> added = new ArrayList<>();
    Holder main = new Holder(0, new Thread(() -> {}));
    index.add(main);
    added.add(main);
    for (int id = 1; id < THREADS; id++) {
      Holder ct = new Holder(id, new Thread(() -> {}));
      index.add(ct);
      added.add(ct);
      assertSame(ct, index.find(ct.thread), "T" + id + " just after it was added");
    }
    for (Holder ct : added) assertSame(ct, index.find(ct.thread), "T" + ct.id);
    assertNull(index.find(new Thread(() -> {})), "a thread never added");
    assertNull(index.find(Thread.currentThread()), "the caller, never added");
  }
}
