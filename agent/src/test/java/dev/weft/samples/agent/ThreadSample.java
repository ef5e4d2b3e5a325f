package dev.weft.samples.agent;

/** Thread methods called on Thread, on a subclass two levels down, and on a look-alike. */
public class ThreadSample {

  /** Starts and joins a WorkerThread; returns its result and its start count. */
  public static int[] startJoin() throws InterruptedException {
    WorkerThread worker = new WorkerThread();
    worker.start(); // @line:start
    worker.join();
    return new int[] {worker.result, worker.starts};
  }

  /** Timed joins and state queries; true when the thread is no longer alive at the end. */
  public static boolean joinsAndQueries() throws InterruptedException {
    Thread sleeper =
        new Thread(
            () -> {
              try {
                Thread.sleep(10_000);
              } catch (InterruptedException expected) {
                // ends the thread early
              }
            });
    sleeper.start();
    sleeper.join(1);
    sleeper.join(1, 1);
    boolean aliveBefore = sleeper.isAlive();
    sleeper.interrupt();
    sleeper.join();
    return aliveBefore && !sleeper.isAlive();
  }

  /** The interrupt flag is read, then read and cleared. */
  public static boolean interruptFlag() {
    Thread.currentThread().interrupt();
    boolean set = Thread.currentThread().isInterrupted();
    boolean cleared = Thread.interrupted();
    return set && cleared && !Thread.interrupted();
  }

  public static boolean sleepAndYield() throws InterruptedException {
    Thread.sleep(1);
    Thread.sleep(0, 1);
    Thread.yield();
    return true;
  }

  public static int lookAlike() {
    NotAThread notAThread = new NotAThread();
    notAThread.start();
    notAThread.join();
    NotAThread.sleep(1);
    return notAThread.isAlive() ? notAThread.calls : -1;
  }
}
