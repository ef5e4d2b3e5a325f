package dev.weft.testbench.programs;

/** Starting and joining the threads of a program, so that each program shows only its logic. */
final class Threads {
  private Threads() {}

  /** What one thread of a program does; may wait, hence may be interrupted. */
  @FunctionalInterface
  interface Body {
    void run() throws InterruptedException;
  }

  /** Starts one thread per body, then joins them all. */
  static void runConcurrently(Body... bodies) throws InterruptedException {
    Thread[] threads = new Thread[bodies.length];
    for (int i = 0; i < bodies.length; i++) threads[i] = new Thread(uninterrupted(bodies[i]));
    startAndJoin(threads);
  }

  /** An unstarted thread with a name, so that traces and reports show it. */
  static Thread named(String name, Body body) {
    return new Thread(uninterrupted(body), name);
  }

  /** Starts every thread, then joins them all. */
  static void startAndJoin(Thread... threads) throws InterruptedException {
    for (Thread t : threads) t.start();
    joinAll(threads);
  }

  /** Joins every thread, in order. */
  static void joinAll(Thread... threads) throws InterruptedException {
    for (Thread t : threads) t.join();
  }

  // Nothing in the corpus interrupts its threads; if something does, fail loudly.
  private static Runnable uninterrupted(Body body) {
    return () -> {
      try {
        body.run();
      } catch (InterruptedException e) {
        throw new IllegalStateException("unexpected interrupt", e);
      }
    };
  }

  /**
   * Starts one virtual thread per body through {@code Thread.ofVirtual().start} (JDK 21+, reached
   * through reflection so that the corpus compiles for Java 17), then joins them all.
   */
  static void runVirtual(Body... bodies) throws ReflectiveOperationException, InterruptedException {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    java.lang.reflect.Method start =
        Class.forName("java.lang.Thread$Builder").getMethod("start", Runnable.class);
    Thread[] threads = new Thread[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      threads[i] = (Thread) start.invoke(builder, uninterrupted(bodies[i]));
    }
    for (Thread t : threads) t.join();
  }
}
