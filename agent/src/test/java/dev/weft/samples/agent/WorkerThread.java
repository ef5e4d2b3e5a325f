package dev.weft.samples.agent;

/** Two levels below Thread. */
public class WorkerThread extends BaseThread {
  public int result;

  @Override
  public void run() {
    try {
      sleep(1); // invokestatic WorkerThread.sleep
    } catch (InterruptedException e) {
      return;
    }
    result = 7;
  }
}
