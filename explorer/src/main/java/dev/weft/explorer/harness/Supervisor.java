package dev.weft.explorer.harness;

import dev.weft.explorer.threads.HarnessField;
import dev.weft.explorer.threads.HarnessThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Worker threads that handle messages from one unbounded queue, in the order sent; a {@link
 * Mailbox} a target can own ({@link Mailbox.HasMailbox}) to run its work off the callers' threads.
 * A worker that is killed ({@link #killWorkers}, an interrupt) ends where it is, as a crashed
 * thread would; a {@link #restarting} supervisor then starts a replacement, as an actor system's
 * supervisor does, so that a scenario can test recovery, while an {@link #unsupervised} one loses
 * the worker and the messages only it would have handled.
 *
 * <p>The queue is {@code java.util.concurrent}'s, whose waits Weft models, and the workers are
 * started as the program's threads: in a controlled run they are threads like the scripts, and the
 * points where a kill strikes them are explored.
 *
 * <pre>{@code
 * final class Service implements Mailbox.HasMailbox {
 *   private final Supervisor workers = Supervisor.restarting("worker", 2).start();
 *   public Mailbox mailbox() { return workers; }
 * }
 * }</pre>
 *
 * <p>Public API since 0.2.
 */
public final class Supervisor implements Mailbox {
  /** Put by {@link #drain}, one per worker: the worker that takes it ends. */
  private static final Runnable STOP = () -> { };

  private final String name;
  private final int size;
  private final boolean restart;
  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  /** Every worker started, replacements included, in the order they started. */
  private final HarnessField<List<Thread>> started = Fields.STARTED.field(List.of());
  /** The workers running now, each added by itself when it begins: those a kill strikes. */
  private final HarnessField<List<Thread>> alive = Fields.ALIVE.field(List.of());
  private final HarnessField<Integer> restarts = Fields.RESTARTS.field(0);
  private final HarnessField<Integer> deaths = Fields.DEATHS.field(0);

  private Supervisor(String name, int size, boolean restart) {
    if (size < 1) throw new IllegalArgumentException("a supervisor needs at least 1 worker");
    this.name = name;
    this.size = size;
    this.restart = restart;
  }

  /**
   * {@code workers} threads named {@code name-1}, {@code name-2}... (one alone is {@code name}); a
   * killed one is replaced.
   */
  public static Supervisor restarting(String name, int workers) {
    return new Supervisor(name, workers, true);
  }

  /** {@code workers} threads named as {@link #restarting} names them; a killed one stays dead. */
  public static Supervisor unsupervised(String name, int workers) {
    return new Supervisor(name, workers, false);
  }

  /** Starts the workers; returns this supervisor. */
  public Supervisor start() {
    for (int i = 0; i < size; i++) launch(size == 1 ? name : name + "-" + (i + 1));
    return this;
  }

  @Override
  public void send(Runnable message) throws InterruptedException {
    queue.put(message);
  }

  /** Messages waiting that no worker has taken. */
  @Override
  public int depth() {
    int stops = 0;
    for (Runnable r : queue) if (r == STOP) stops++;
    return queue.size() - stops;
  }

  /**
   * Lets the workers handle every message sent so far, then waits for them to end. A message that
   * no worker is left to take stays, and {@link #depth} counts it.
   */
  @Override
  public void drain() throws InterruptedException {
    for (int i = 0; i < size; i++) queue.put(STOP);
    // A worker that dies starts its replacement before it ends, so once it is joined the
    // replacement is among those started.
    for (int joined = 0; joined < started.get().size(); joined++) {
      Threads.HARNESS.join(started.get().get(joined));
    }
  }

  /**
   * Kills up to {@code count} of the workers alive, those that began first first, by an interrupt:
   * each ends at its next wait or after its message.
   */
  @Override
  public void killWorkers(int count) {
    if (count < 1) throw new IllegalArgumentException("kill at least 1 worker, not " + count);
    List<Thread> victims = alive.get();
    for (Thread worker : victims.subList(0, Math.min(count, victims.size()))) {
      Threads.HARNESS.interrupt(worker);
    }
  }

  /** How many workers a kill has ended, whether or not they were replaced. */
  public int deaths() {
    return deaths.get();
  }

  /** How many replacements this supervisor has started. */
  public int restarts() {
    return restarts.get();
  }

  private void launch(String workerName) {
    Thread worker = new Thread(() -> work(workerName), workerName);
    started.getAndUpdate(list -> with(list, worker));
    Threads.HARNESS.start(worker);
  }

  private void work(String workerName) {
    Thread self = Thread.currentThread();
    alive.getAndUpdate(list -> with(list, self));
    while (true) {
      Runnable next;
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        died(workerName);
        return;
      }
      if (next == STOP) {
        alive.getAndUpdate(list -> without(list, self));
        return;
      }
      next.run();
      if (Threads.HARNESS.interrupted()) { // killed while it handled the message
        died(workerName);
        return;
      }
    }
  }

  private void died(String workerName) {
    Thread self = Thread.currentThread();
    alive.getAndUpdate(list -> without(list, self));
    deaths.getAndUpdate(n -> n + 1);
    if (!restart) return;
    restarts.getAndUpdate(n -> n + 1);
    launch(workerName.endsWith(" restarted") ? workerName : workerName + " restarted");
  }

  private static List<Thread> with(List<Thread> list, Thread t) {
    List<Thread> copy = new ArrayList<>(list);
    copy.add(t);
    return List.copyOf(copy);
  }

  private static List<Thread> without(List<Thread> list, Thread t) {
    return list.stream().filter(other -> other != t).toList();
  }

  /** Created at first use, once the agent has put the scheduler on the boot path. */
  private static final class Fields {
    static final HarnessField.Sites STARTED = new HarnessField.Sites(OWNER, "started");
    static final HarnessField.Sites ALIVE = new HarnessField.Sites(OWNER, "alive");
    static final HarnessField.Sites RESTARTS = new HarnessField.Sites(OWNER, "restarts");
    static final HarnessField.Sites DEATHS = new HarnessField.Sites(OWNER, "deaths");
  }

  private static final String OWNER = "dev.weft.explorer.harness.Supervisor";

  private static final class Threads {
    static final HarnessThreads HARNESS = new HarnessThreads(OWNER);
  }
}
