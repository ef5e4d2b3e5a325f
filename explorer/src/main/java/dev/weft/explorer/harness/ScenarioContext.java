package dev.weft.explorer.harness;

import dev.weft.explorer.threads.HarnessThreads;
import java.util.List;
import java.util.Map;

/**
 * What an invariant and a chaos see of the run besides the target: its threads, the events so far
 * (complete once the threads have ended, when the invariant runs), the mailbox, and the metadata.
 *
 * <p>Public API since 0.2.
 */
public final class ScenarioContext {
  private final List<Thread> scripts;
  private final HarnessThreads threads;
  private final Map<String, String> metadata;
  private final Mailbox mailbox;
  private final Crashes crashes = new Crashes();
  private List<Event> events = List.of();

  ScenarioContext(List<Thread> scripts, HarnessThreads threads, Map<String, String> metadata,
      Mailbox mailbox) {
    this.scripts = scripts;
    this.threads = threads;
    this.metadata = metadata;
    this.mailbox = mailbox;
  }

  /** Interrupts the script thread with this index (0 is the first), as the scheduler sees it. */
  public void interrupt(int scriptThread) {
    if (scriptThread < 0 || scriptThread >= scripts.size()) {
      throw new IllegalArgumentException("no script thread " + scriptThread + "; the scenario has "
          + scripts.size() + " (0 to " + (scripts.size() - 1) + ")");
    }
    threads.interrupt(scripts.get(scriptThread));
  }

  /** Every thread's events, by thread (scripts in order, then the mailbox, then chaos). */
  public List<Event> events() {
    return events;
  }

  /** The calls' results of one script thread, in order; a failed call's is its exception. */
  public List<String> results(int scriptThread) {
    String name = ScenarioRun.scriptName(scriptThread);
    return events.stream().filter(e -> e.thread().equals(name) && (e.kind() == Event.Kind.CALL
        || e.kind() == Event.Kind.FAILED)).map(Event::detail).toList();
  }

  public Mailbox mailbox() {
    return mailbox;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  Crashes crashes() {
    return crashes;
  }

  void events(List<Event> all) {
    this.events = List.copyOf(all);
  }
}
