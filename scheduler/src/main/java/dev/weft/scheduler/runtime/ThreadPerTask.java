package dev.weft.scheduler.runtime;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The pool of an execution's default channel group ({@link ChannelGroups}): each task on a new
 * thread of {@code factory}'s, as a cached pool runs it when none of its threads is idle. A cached
 * {@code ThreadPoolExecutor} would hand tasks to idle threads through a {@code SynchronousQueue},
 * whose waits differ between JDK 17 and 21+, so a schedule would not replay across them. Once shut
 * down, a task is dropped, as when the JVM exits, rather than run on a thread no one controls. Only
 * the group calls it: {@code isTerminated} and {@code awaitTermination} say whether it is shut
 * down, the execution's end unwinding its threads.
 */
final class ThreadPerTask extends AbstractExecutorService {
  private final ThreadFactory factory;
  private volatile boolean shutDown;

  ThreadPerTask(ThreadFactory factory) {
    this.factory = factory;
  }

  @Override
  public void execute(Runnable task) {
    if (!shutDown) factory.newThread(task).start();
  }

  @Override
  public void shutdown() {
    shutDown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutDown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutDown;
  }

  @Override
  public boolean isTerminated() {
    return shutDown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return shutDown;
  }
}
