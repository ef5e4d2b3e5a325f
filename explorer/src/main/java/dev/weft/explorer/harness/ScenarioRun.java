package dev.weft.explorer.harness;

import dev.weft.explorer.threads.HarnessThreads;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One run of a scenario: a fresh target, its mailbox, the script and chaos threads started and
 * joined, then the invariant and the expectations. The same code runs on real threads and under
 * Weft's scheduler; each thread records its own events, merged only after the joins, so that the
 * harness's bookkeeping adds no shared state (and no scheduling points) of its own, apart from the
 * crashes a chaos arms for the scripts and the target's {@link CrashPoint}s to take.
 */
final class ScenarioRun<T> {
  private final Scenario<T> scenario;
  private final boolean controlled;
  private final Telemetry telemetry;

  private ScenarioRun(Scenario<T> scenario, boolean controlled) {
    this.scenario = scenario;
    this.controlled = controlled;
    this.telemetry = new Telemetry(scenario.options().listeners());
  }

  /** The thread of the mailbox the harness gives a target without one. */
  static final String MAILBOX = "mailbox";

  static String scriptName(int index) {
    return "script-" + (index + 1);
  }

  static <T> ScenarioReport run(Scenario<T> scenario, boolean controlled)
      throws InterruptedException {
    return new ScenarioRun<>(scenario, controlled).run();
  }

  private ScenarioReport run() throws InterruptedException {
    HarnessThreads threads = Threads.HARNESS;
    telemetry.tell(l -> l.scenarioStarted(scenario.options().metadata(), controlled));
    T target = scenario.factory().get();
    Mailbox mailbox = target instanceof Mailbox.HasMailbox has ? has.mailbox()
        : Supervisor.unsupervised(MAILBOX, 1).start();
    Queue<Event> messages = new ConcurrentLinkedQueue<>();
    int scriptCount = scenario.scripts().size();
    List<List<Event>> scriptEvents = new ArrayList<>();
    List<List<Integer>> depthSamples = new ArrayList<>();
    List<Thread> scripts = new ArrayList<>();
    ScenarioContext context = new ScenarioContext(scripts, threads, scenario.options().metadata(),
        mailbox);
    Crashes crashes = scenario.options().chaos().stream().anyMatch(c -> c instanceof CrashChaos)
        ? context.crashes() : null;
    for (int i = 0; i < scriptCount; i++) {
      List<Event> events = new ArrayList<>();
      List<Integer> depths = new ArrayList<>();
      scriptEvents.add(events);
      depthSamples.add(depths);
      List<Action<T>> script = scenario.scripts().get(i);
      String name = scriptName(i);
      scripts.add(new Thread(
          () -> runScript(name, script, target, mailbox, crashes, events, depths, messages),
          name));
    }
    List<List<Event>> chaosEvents = new ArrayList<>();
    List<Thread> chaosThreads = new ArrayList<>();
    for (int i = 0; i < scenario.options().chaos().size(); i++) {
      Chaos<T> chaos = scenario.options().chaos().get(i);
      List<Event> events = new ArrayList<>();
      chaosEvents.add(events);
      String name = "chaos-" + (i + 1);
      chaosThreads.add(new Thread(() -> strike(name, chaos, target, context, events), name));
    }

    // Crash points in the target's code take their crashes from this run's, until it ends.
    if (crashes != null) CrashPoint.install(crashes);
    try {
      long start = HarnessThreads.nanoTime();
      for (Thread t : scripts) threads.start(t);
      for (Thread t : chaosThreads) threads.start(t);
      List<String> failures = new ArrayList<>();
      List<Thread> all = new ArrayList<>(scripts);
      all.addAll(chaosThreads);
      if (!joinAll(threads, all, failures)) {
        return finish(failures, List.of(), mailbox, depthSamples, null);
      }
      mailbox.drain();
      long elapsed = HarnessThreads.nanoTime() - start;

      List<Event> events = new ArrayList<>();
      scriptEvents.forEach(events::addAll);
      events.addAll(messages);
      chaosEvents.forEach(events::addAll);
      context.events(events);
      // A chaos that could not strike leaves the scenario untested: the run fails, saying why.
      chaosEvents.stream().flatMap(List::stream).filter(e -> !e.detail().isEmpty())
          .forEach(e -> failures.add("chaos " + e.action() + ": " + e.detail()));
      check(target, context, failures);
      int actions = scenario.scripts().stream().mapToInt(List::size).sum();
      ScenarioReport.Performance performance = controlled ? null : new ScenarioReport.Performance(
          elapsed, actions, elapsed == 0 ? 0 : actions * 1e9 / elapsed);
      if (performance != null) telemetry.tell(l -> l.performance(performance));
      ScenarioReport measured = report(failures, events, mailbox, depthSamples, performance);
      checkExpectations(measured, failures);
      try {
        scenario.options().cleanup().accept(target);
        if (target instanceof AutoCloseable closeable) closeable.close();
      } catch (Exception e) {
        failures.add("cleanup threw " + e);
      }
      return finish(failures, events, mailbox, depthSamples, performance);
    } finally {
      if (crashes != null) CrashPoint.release(crashes);
    }
  }

  /**
   * The run's report, told to the listeners, with what they threw as failures; a listener that
   * throws when told the report fails it too, so the report returned then has one more failure.
   */
  private ScenarioReport finish(List<String> failures, List<Event> events, Mailbox mailbox,
      List<List<Integer>> depthSamples, ScenarioReport.Performance performance) {
    int thrownBefore = telemetry.failures().size();
    telemetry.failures().forEach(f -> failures.add("telemetry: " + f));
    ScenarioReport report = report(failures, events, mailbox, depthSamples, performance);
    telemetry.tell(l -> l.scenarioEnded(report));
    List<String> thrown = telemetry.failures();
    if (thrown.size() == thrownBefore) return report;
    thrown.subList(thrownBefore, thrown.size()).forEach(f -> failures.add("telemetry: " + f));
    return report(failures, events, mailbox, depthSamples, performance);
  }

  /**
   * Joins every thread; on real threads within the scenario's timeout. False, with the threads
   * still running named, when the timeout passed (they are interrupted and left).
   */
  private boolean joinAll(HarnessThreads threads, List<Thread> all, List<String> failures)
      throws InterruptedException {
    if (controlled) {
      for (Thread t : all) threads.join(t);
      return true;
    }
    long deadline = HarnessThreads.nanoTime() + scenario.options().timeout().toNanos();
    for (Thread t : all) {
      long left = deadline - HarnessThreads.nanoTime();
      if (left > 0) t.join(Math.max(1, left / 1_000_000));
    }
    List<String> running = all.stream().filter(Thread::isAlive).map(Thread::getName).toList();
    if (running.isEmpty()) return true;
    all.forEach(Thread::interrupt);
    failures.add("timeout: " + String.join(", ", running) + " still running after "
        + scenario.options().timeout().toMillis() + " ms");
    return false;
  }

  private void runScript(String name, List<Action<T>> script, T target, Mailbox mailbox,
      Crashes crashes, List<Event> events, List<Integer> depths, Queue<Event> messages) {
    telemetry.tell(l -> l.threadStarted(name));
    for (Action<T> scripted : script) {
      Action<T> action = scripted instanceof Action.Bare<T> bare
          ? bare.as(scenario.options().defaultKind()) : scripted;
      telemetry.tell(l -> l.operationStarted(name, action.name()));
      long begin = HarnessThreads.nanoTime();
      Event.Kind kind;
      String detail = "";
      try {
        if (!(action instanceof Action.Cast<T>)) crashIfArmed(crashes, action.name());
        if (action instanceof Action.Call<T> call) {
          detail = String.valueOf(call.operation().apply(target));
          kind = Event.Kind.CALL;
        } else if (action instanceof Action.Cast<T> cast) {
          mailbox.send(() -> handle(cast, target, crashes, messages));
          int depth = mailbox.depth();
          depths.add(depth);
          telemetry.tell(l -> l.mailboxSampled(name, depth));
          kind = Event.Kind.CAST;
        } else {
          ((Action.Custom<T>) action).code().accept(target);
          kind = Event.Kind.CUSTOM;
        }
      } catch (InterruptedException e) {
        kind = Event.Kind.FAILED;
        detail = e.toString();
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        kind = Event.Kind.FAILED;
        detail = e.toString();
      }
      Event event = new Event(name, action.name(), kind, detail, begin, HarnessThreads.nanoTime());
      events.add(event);
      telemetry.tell(l -> l.operationEnded(event));
    }
    telemetry.tell(l -> l.threadEnded(name));
  }

  private void handle(Action.Cast<T> cast, T target, Crashes crashes, Queue<Event> messages) {
    String thread = Thread.currentThread().getName();
    telemetry.tell(l -> l.operationStarted(thread, cast.name()));
    long begin = HarnessThreads.nanoTime();
    Event.Kind kind = Event.Kind.MESSAGE;
    String detail = "";
    try {
      crashIfArmed(crashes, cast.name());
      cast.operation().accept(target);
    } catch (RuntimeException | Error e) {
      kind = Event.Kind.FAILED;
      detail = e.toString();
    }
    Event event = new Event(thread, cast.name(), kind, detail, begin, HarnessThreads.nanoTime());
    messages.add(event);
    telemetry.tell(l -> l.operationEnded(event));
  }

  /** Throws the crash a chaos armed for {@code action}, if any: the target crashed there. */
  private static void crashIfArmed(Crashes crashes, String action) {
    RuntimeException crash = crashes == null ? null : crashes.take(action);
    if (crash != null) throw crash;
  }

  private void strike(String name, Chaos<T> chaos, T target, ScenarioContext context,
      List<Event> events) {
    telemetry.tell(l -> l.threadStarted(name));
    long begin = HarnessThreads.nanoTime();
    String detail = "";
    try {
      chaos.strike(target, context);
    } catch (Exception | Error e) {
      detail = "the chaos itself threw " + e;
    }
    Event event = new Event(name, chaos.name(), Event.Kind.CHAOS, detail, begin,
        HarnessThreads.nanoTime());
    events.add(event);
    telemetry.tell(l -> l.chaos(event));
    telemetry.tell(l -> l.threadEnded(name));
  }

  private void check(T target, ScenarioContext context, List<String> failures) {
    try {
      scenario.options().invariant().check(target, context);
    } catch (Exception | AssertionError e) {
      failures.add("invariant: " + e);
    }
  }

  private ScenarioReport report(List<String> failures, List<Event> events, Mailbox mailbox,
      List<List<Integer>> depthSamples, ScenarioReport.Performance performance) {
    List<Integer> samples = new ArrayList<>();
    depthSamples.forEach(samples::addAll);
    int atEnd = mailbox.depth();
    samples.add(atEnd);
    int max = samples.stream().mapToInt(Integer::intValue).max().orElse(0);
    double mean = samples.stream().mapToInt(Integer::intValue).average().orElse(0);
    return new ScenarioReport(failures.isEmpty(), List.copyOf(failures), List.copyOf(events),
        new ScenarioReport.MailboxStats(List.copyOf(samples), max, mean, atEnd), performance,
        scenario.options().metadata(), null, null);
  }

  /** The mailbox bound in every run; the wall-time bounds on real threads only. */
  private void checkExpectations(ScenarioReport report, List<String> failures) {
    ScenarioOptions<T> o = scenario.options();
    if (o.maxMailboxDepth() >= 0 && report.mailbox().max() > o.maxMailboxDepth()) {
      failures.add("mailbox depth reached " + report.mailbox().max() + ", above the maximum of "
          + o.maxMailboxDepth());
    }
    ScenarioReport.Performance p = report.performance();
    if (p == null) return;
    for (Event e : report.events()) {
      boolean scripted = e.kind() != Event.Kind.MESSAGE && e.kind() != Event.Kind.CHAOS;
      if (scripted && e.durationNanos() > o.callTimeout().toNanos()) {
        failures.add(String.format(java.util.Locale.ROOT,
            "%s's %s took %.1f ms, above the call timeout of %d ms", e.thread(), e.action(),
            e.durationNanos() / 1e6, o.callTimeout().toMillis()));
      }
    }
    if (o.maxTime() != null && p.elapsedNanos() > o.maxTime().toNanos()) {
      // Both to the nanosecond: whole milliseconds would say a bound under 1 ms was 0 ms.
      failures.add(String.format(java.util.Locale.ROOT, "took %.3f ms, above maxTime %s ms",
          p.elapsedNanos() / 1e6, BigDecimal.valueOf(o.maxTime().toNanos(), 6)
              .stripTrailingZeros().toPlainString()));
    }
    if (o.minThroughput() > 0 && p.throughput() < o.minThroughput()) {
      failures.add(String.format(java.util.Locale.ROOT,
          "throughput %.1f actions/s, below minThroughput %.1f", p.throughput(), o.minThroughput()));
    }
    for (ScenarioOptions.LatencyBound bound : o.latencyBounds()) {
      long[] latencies = report.events().stream()
          .filter(e -> e.action().equals(bound.action()) && e.kind() != Event.Kind.MESSAGE)
          .mapToLong(Event::durationNanos).sorted().toArray();
      if (latencies.length == 0) {
        failures.add("no action named " + bound.action() + " ran, so its latency bound cannot hold");
        continue;
      }
      int rank = (int) Math.ceil(bound.percentile() / 100 * latencies.length) - 1;
      long at = latencies[Math.max(0, rank)];
      if (at > bound.max().toNanos()) {
        failures.add(String.format(java.util.Locale.ROOT,
            "%s p%s latency %.3f ms, above %d ms (%d calls)", bound.action(), bound.percentile(),
            at / 1e6, bound.max().toMillis(), latencies.length));
      }
    }
  }

  /** Created at the first run, once the agent has put the scheduler on the boot path. */
  private static final class Threads {
    static final HarnessThreads HARNESS = new HarnessThreads("dev.weft.explorer.harness.Scenario");
  }
}
