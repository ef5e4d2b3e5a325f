package dev.weft.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.scheduler.model.ThreadStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index of an execution's threads finds each by its {@code Thread}, past every growth. */
class ThreadIndexTest {
  private static final int THREADS = 1_000; // well past the table's first size

  @Test
  void findsEveryThreadAddedAndNoOther() {
    ThreadIndex index = new ThreadIndex();
    List<ControlledThread> added = new ArrayList<>();
    ControlledThread main = new ControlledThread(0, new Thread(() -> {}), null,
        ThreadStatus.RUNNABLE);
    index.add(main);
    added.add(main);
    for (int id = 1; id < THREADS; id++) {
      ControlledThread ct = new ControlledThread(id, new Thread(() -> {}), main, ThreadStatus.NEW);
      index.add(ct);
      added.add(ct);
      assertSame(ct, index.find(ct.thread), "T" + id + " just after it was added");
    }
    for (ControlledThread ct : added) assertSame(ct, index.find(ct.thread), "T" + ct.id);
    assertNull(index.find(new Thread(() -> {})), "a thread never added");
    assertNull(index.find(Thread.currentThread()), "the caller, never added");
  }
}
