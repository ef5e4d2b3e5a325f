package dev.weft.samples.agent;

/** A Runnable: its run() marks a possible thread start. */
public class Task implements Runnable {
  public int runs;

  @Override
  public void run() {
    runs++;
  }

  public static void run(int times) {
    for (int i = 0; i < times; i++) new Task().run();
  }
}
