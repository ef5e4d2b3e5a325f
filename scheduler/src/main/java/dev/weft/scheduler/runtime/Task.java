package dev.weft.scheduler.runtime;

/** The code one execution runs on its first controlled thread. */
@FunctionalInterface
public interface Task {
  void run() throws Throwable;
}
