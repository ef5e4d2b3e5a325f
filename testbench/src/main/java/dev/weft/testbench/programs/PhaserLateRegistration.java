package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A party registered too late: each task registers itself with the {@link Phaser} once it runs,
 * while main, the only party registered up front, arrives and waits for the phase to end. When main
 * arrives before a task has registered, the phase ends without that task, and main reads a result
 * the task has yet to write.
 *
 * <p>Size: tasks ({@code args[0]}, default 2).
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class PhaserLateRegistration {
  static void runTasks(boolean registerUpFront, String[] args) throws InterruptedException {
    int tasks = Args.size(args, 0, 2);
    Phaser phaser = new Phaser(1); // main
    AtomicIntegerArray done = new AtomicIntegerArray(tasks);
    Thread[] threads = new Thread[tasks];
    for (int i = 0; i < tasks; i++) {
      int slot = i;
      if (registerUpFront) phaser.register();
      threads[i] = Threads.named("task-" + i, () -> {
        if (!registerUpFront) phaser.register();
        done.set(slot, 1);
        phaser.arriveAndDeregister();
      });
      threads[i].start();
    }
    phaser.arriveAndAwaitAdvance();
    for (int i = 0; i < tasks; i++) {
      assert done.get(i) == 1 : "task " + i + " not done when its phase ended";
    }
    for (Thread t : threads) t.join();
  }

  public static void main(String[] args) throws InterruptedException {
    runTasks(false, args);
  }
}
