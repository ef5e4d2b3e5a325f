package dev.weft.samples.agent;

/** Has methods named like Thread's, and is no thread: calls of them stay as they are. */
public class NotAThread {
  public int calls;

  public void start() {
    calls++;
  }

  public void join() {
    calls++;
  }

  public boolean isAlive() {
    return calls > 0;
  }

  public static void sleep(long millis) {}
}
