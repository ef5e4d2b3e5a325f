package dev.weft.scheduler.race;

import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The plain-access sites that a systematic search schedules, as CHESS did (Musuvathi and Qadeer,
 * "Iterative context bounding", PLDI 2007, section on data races): partial-order reduction that
 * treats plain accesses as invisible is exact only for programs without data races. So plain
 * accesses are watched by the race detector; a site found racing becomes a scheduling point (and a
 * dependence) from the next execution on, and the search starts over until no new site races.
 *
 * <p>Sites are kept by {@link SiteRegistry#stableKey}, the same in every JVM, so that a schedule
 * file names them and a replay in another JVM schedules the same accesses.
 *
 * <p>Lifecycle: {@link #isSchedulingPoint} is fixed within an execution. What an execution finds
 * waits in {@link #found} until the search calls {@link #commit} before the next execution, so
 * the failing execution's set is still the one its replay and its shrinking see. Read and written
 * by one thread at a time: the explorer's between executions, the turn's holder during one.
 */
public final class RacingSites {
  private static final byte UNKNOWN = 0;
  private static final byte YES = 1;
  private static final byte NO = 2;

  private final Set<Integer> scheduled = new TreeSet<>();
  private final Set<Integer> pending = new TreeSet<>();
  /** By site index, whether its stable key is scheduled: one array read per access. */
  private byte[] verdicts = new byte[256];

  /** Schedules the sites with these stable keys, as a schedule file recorded them. */
  public static RacingSites of(Collection<Integer> stableKeys) {
    RacingSites sites = new RacingSites();
    sites.scheduled.addAll(stableKeys);
    return sites;
  }

  /** Whether a plain access at site {@code site} is a scheduling point in this execution. */
  public boolean isSchedulingPoint(int site) {
    if (site < 0) return false;
    if (site >= verdicts.length) {
      verdicts = Arrays.copyOf(verdicts, Math.max(site + 1, verdicts.length * 2));
    }
    byte verdict = verdicts[site];
    if (verdict == UNKNOWN) {
      verdict = scheduled.contains(SiteRegistry.stableKey(site)) ? YES : NO;
      verdicts[site] = verdict;
    }
    return verdict == YES;
  }

  /** Plain accesses at {@code site} raced in the execution running now. */
  public void found(int site) {
    int key = SiteRegistry.stableKey(site);
    if (key != 0 && !scheduled.contains(key)) pending.add(key);
  }

  /** Whether an execution found a racing site that is not scheduled yet. */
  public boolean hasFound() {
    return !pending.isEmpty();
  }

  /** Schedules what executions found; true when that changed anything. */
  public boolean commit() {
    if (pending.isEmpty()) return false;
    scheduled.addAll(pending);
    pending.clear();
    Arrays.fill(verdicts, UNKNOWN);
    return true;
  }

  /** The stable keys of the scheduled sites, in ascending order. */
  public List<Integer> stableKeys() {
    return List.copyOf(scheduled);
  }

  /**
   * The scheduled sites as what they touch and where ({@code Counter.count at Counter.java:12}),
   * as far as this JVM has loaded them; sites on one line that touch the same thing are named once.
   */
  public List<String> describe() {
    Set<String> names = new LinkedHashSet<>();
    for (int key : scheduled) {
      Site s = SiteRegistry.byStableKey(key);
      if (s == null) continue;
      String what = s.detail() == null ? "an array element" : Site.shortField(s.detail());
      names.add(what + " at " + s.location());
    }
    return List.copyOf(names);
  }

  /** How many sites are scheduled. */
  public int size() {
    return scheduled.size();
  }
}
