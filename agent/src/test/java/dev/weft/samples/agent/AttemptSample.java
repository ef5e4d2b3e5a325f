package dev.weft.samples.agent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/** Calls that try and may fail without a change, and a pause. */
public class AttemptSample {
  private static final VarHandle VALUE;

  static {
    try {
      VALUE = MethodHandles.lookup().findVarHandle(AttemptSample.class, "value", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile int value;

  /** One failed and one successful attempt of each kind, and what they returned, as a string. */
  public static String attempts() {
    AttemptSample s = new AttemptSample();
    AtomicInteger atomic = new AtomicInteger();
    ReentrantLock lock = new ReentrantLock();
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();
    StringBuilder seen = new StringBuilder();
    seen.append(atomic.compareAndSet(1, 2)).append(atomic.compareAndSet(0, 2));
    seen.append(VALUE.compareAndSet(s, 1, 2)).append(VALUE.compareAndSet(s, 0, 2));
    seen.append(queue.poll()).append(queue.offer("x")).append(queue.poll());
    seen.append(lock.tryLock());
    lock.unlock();
    Thread.onSpinWait();
    return seen.toString();
  }
}
