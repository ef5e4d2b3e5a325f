package dev.weft.scheduler.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's model of one object's monitor: owner, reentrancy and wait set. Threads are
 * identified by their id within the execution. Only the running thread touches it.
 */
public final class MonitorModel {
  /** Id of the owning thread, or -1 when free. */
  private int owner = -1;

  /** Reentrancy depth; 0 exactly when {@code owner == -1}. */
  private int depth;

  /** Where the current owner first entered, for deadlock reports. */
  private int acquireSite = -1;

  /** Waiting thread ids in the order they called wait. */
  private final List<Integer> waitSet = new ArrayList<>(2);

  public boolean isFreeFor(int thread) {
    return owner == -1 || owner == thread;
  }

  public int owner() {
    return owner;
  }

  public int acquireSite() {
    return acquireSite;
  }

  public void enter(int thread, int site) {
    if (owner == -1) {
      owner = thread;
      acquireSite = site;
    }
    depth++;
  }

  public void exit(int thread) {
    if (owner == thread && --depth == 0) {
      owner = -1;
      acquireSite = -1;
    }
  }

  /** Releases fully for {@code wait}; returns the depth to restore afterwards. */
  public int releaseAll(int thread) {
    int saved = depth;
    owner = -1;
    depth = 0;
    acquireSite = -1;
    waitSet.add(thread);
    return saved;
  }

  /** Re-acquires after {@code wait} with the depth saved by {@link #releaseAll}. */
  public void reacquire(int thread, int savedDepth, int site) {
    owner = thread;
    depth = savedDepth;
    acquireSite = site;
  }

  public List<Integer> waitSet() {
    return waitSet;
  }

  public void leaveWaitSet(int thread) {
    waitSet.remove(Integer.valueOf(thread));
  }
}
