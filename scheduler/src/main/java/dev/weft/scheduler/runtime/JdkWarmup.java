package dev.weft.scheduler.runtime;

import dev.weft.scheduler.threads.VirtualThreads;
import java.nio.channels.spi.AsynchronousChannelProvider;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Initializes, outside any execution, the JDK classes whose initialization draws random numbers,
 * reads the clock, or keeps the fork-join common pool in a static field, the virtual-thread
 * scheduler (JDK 21+), and the provider of asynchronous channels, which a service lookup finds
 * (allocating in concurrent maps). Done inside the first
 * execution instead, it would make that execution's numbers differ from every later run of the
 * same schedule (a replay in a fresh JVM included), or keep that execution's own pool ({@link
 * Pools}) for good.
 */
final class JdkWarmup {
  private static boolean done;

  private JdkWarmup() {}

  /** Called under the scheduler's lock, before an execution begins. */
  static void ensureDone() {
    if (done) return;
    done = true;
    ThreadLocalRandom.current().nextInt();
    new Random().nextInt();
    Math.random();
    Instant.now();
    ForkJoinPool.commonPool();
    CompletableFuture.completedFuture(null);
    new SubmissionPublisher<>().close();
    VirtualThreads.warmUp();
    AsynchronousChannelProvider.provider();
  }
}
