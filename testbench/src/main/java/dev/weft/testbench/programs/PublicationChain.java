package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * A reordered pair of volatile writes that only shows with three threads. A source publishes a
 * value (value, then flag: correct); a relay that sees it forwards it to the next stage but raises
 * that stage's flag before copying the value; a sink that sees the relay's flag reads the relay's
 * value. The sink reads 0 when it runs between the relay's two writes; and the relay forwards only
 * after the source has published, so the bug needs all three: source before relay, relay preempted
 * between its writes, sink in between.
 *
 * <p>Nobody waits: a stage that finds its predecessor not ready yet does nothing, so every schedule
 * ends. Size: stages ({@code args[0]}, default 3, at least 3): a source, relays, a sink.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class PublicationChain {
  static final int VALUE = 42;

  static final class Stage {
    volatile boolean ready;
    volatile int value;
  }

  /** How a relay forwards the value of {@code from} to {@code to}. */
  interface Relay {
    void forward(Stage from, Stage to);
  }

  static void publish(String[] args, Relay relay) throws InterruptedException {
    int n = Args.size(args, 0, 3);
    if (n < 3) throw new IllegalArgumentException("a chain needs a source, a relay and a sink");
    Stage[] stages = new Stage[n - 1];
    for (int i = 0; i < stages.length; i++) stages[i] = new Stage();
    Thread[] threads = new Thread[n];
    threads[0] = Threads.named("source", () -> {
      stages[0].value = VALUE;
      stages[0].ready = true;
    });
    for (int i = 1; i < n - 1; i++) {
      Stage from = stages[i - 1];
      Stage to = stages[i];
      threads[i] = Threads.named("relay-" + i, () -> {
        if (from.ready) relay.forward(from, to);
      });
    }
    Stage last = stages[n - 2];
    threads[n - 1] = Threads.named("sink", () -> {
      if (last.ready) {
        int value = last.value;
        assert value == VALUE : "the sink saw the flag but read " + value;
      }
    });
    Threads.startAndJoin(threads);
  }

  public static void main(String[] args) throws InterruptedException {
    publish(args, (from, to) -> {
      to.ready = true; // raised before the value it announces is written
      to.value = from.value;
    });
  }
}
