package dev.weft.samples.agent;

/** One level below Thread; overrides start and interrupt and calls the originals. */
public class BaseThread extends Thread {
  public int starts;

  @Override
  public void start() {
    starts++;
    super.start();
  }

  @Override
  public void interrupt() {
    super.interrupt();
  }
}
