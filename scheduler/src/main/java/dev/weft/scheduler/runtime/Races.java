package dev.weft.scheduler.runtime;

import dev.weft.scheduler.race.DataRace;
import dev.weft.scheduler.race.RaceDetector;
import dev.weft.scheduler.race.RaceRules;
import dev.weft.scheduler.race.RacingSites;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.view.Operation;

/**
 * Race detection in one execution: feeds the {@link RaceDetector} the program's plain accesses, and
 * words the race it finds. The execution feeds it its synchronization. Two users, either or both:
 * reporting races as bugs ({@code --detect-races}), and a systematic search that schedules the plain
 * accesses found racing ({@link RacingSites}), for which a race ends nothing.
 */
public final class Races {
  private final Execution execution;
  private final RaceDetector detector;
  /** Whether a race is a bug to report; else only a site for the search to schedule. */
  private final boolean reporting;
  /** The sites the search schedules, or null when no search watches. */
  private final RacingSites scheduled;

  Races(Execution execution, RaceRules rules, RacingSites scheduled) {
    this.execution = execution;
    this.reporting = rules != null;
    this.detector = new RaceDetector(rules != null ? rules : RaceRules.NONE);
    this.scheduled = scheduled;
  }

  RaceDetector detector() {
    return detector;
  }

  /**
   * A plain read or write of a field of {@code holder} (null: static) at {@code site}; a scheduling
   * point first when the search schedules the site; ends the execution when it races and races are
   * reported.
   */
  public void fieldAccessed(Object holder, int site, boolean write) {
    ControlledThread ct = execution.holdingTurn();
    if (ct == null) return;
    if (scheduled != null && scheduled.isSchedulingPoint(site)) {
      execution.plainStep(ct, plain(write), holder, -1, site, null);
    }
    DataRace.Access earlier =
        detector.fieldAccess(ct.id, holder, site, write, execution.trace().size());
    if (earlier != null) raced(ct, earlier, holder, -1, site, write);
  }

  /** A plain read or write of element {@code index} of {@code array} at {@code site}; likewise. */
  public void elementAccessed(Object array, int index, int site, boolean write) {
    ControlledThread ct = array == null ? null : execution.holdingTurn();
    if (ct == null) return;
    if (scheduled != null && scheduled.isSchedulingPoint(site)) {
      execution.plainStep(ct, plain(write), array, index, site,
          execution.nameOf(array) + "[" + index + "]");
    }
    DataRace.Access earlier =
        detector.elementAccess(ct.id, array, index, site, write, execution.trace().size());
    if (earlier != null) raced(ct, earlier, array, index, site, write);
  }

  private void raced(ControlledThread ct, DataRace.Access earlier, Object holder, int index,
      int site, boolean write) {
    if (scheduled != null) {
      scheduled.found(earlier.site());
      scheduled.found(site);
    }
    if (reporting) report(ct, earlier, holder, index, site, write);
  }

  private void report(ControlledThread ct, DataRace.Access earlier, Object holder, int index,
      int site, boolean write) {
    Site s = SiteRegistry.get(site);
    String detail = s == null || s.detail() == null ? "?" : s.detail();
    boolean element = index >= 0;
    String field = element ? null : detail;
    String location =
        element ? "an element of " + holder.getClass().getSimpleName() : Site.shortField(detail);
    ControlledThread other = execution.thread(earlier.thread());
    // Both accesses join the trace, where they happened, under the object's name.
    String shown = element ? execution.nameOf(holder) + "[" + index + "]"
        : holder == null ? Site.shortField(detail)
        : execution.nameOf(holder) + detail.substring(detail.lastIndexOf('.'));
    execution.trace().insert(earlier.traceIndex(), other, plain(earlier.write()), shown,
        earlier.site(), "races with " + ct.displayName() + "'s " + verb(write) + " below");
    DataRace race = new DataRace(location, field, earlier,
        new DataRace.Access(ct.id, write, site, execution.trace().size()));
    execution.trace().add(ct, plain(write), shown, site, "races with " + other.displayName()
        + "'s " + verb(earlier.write()) + " at " + where(earlier.site()));
    StringBuilder report = new StringBuilder()
        .append("Data race on ").append(location).append(": ")
        .append(other.displayName()).append(' ').append(earlier.write() ? "wrote" : "read")
        .append(" it at ").append(where(earlier.site())).append(" and ")
        .append(ct.displayName()).append(' ').append(write ? "writes" : "reads")
        .append(" it at ").append(where(site))
        .append(", with no synchronization ordering the two\n")
        .append("Neither access happens before the other: no lock, volatile access, start or join,"
            + " or java.util.concurrent call lies between them, so the two threads may see each"
            + " other's values in any order, or not at all.\n");
    if (field != null) {
      report.append("If the race is intended, declare it benign: --benign-race ").append(field)
          .append(" on the command line, or Options.builder().benignRace(\"").append(field)
          .append("\").\n");
    }
    execution.raced(ct, race, report.toString());
  }

  private static Operation plain(boolean write) {
    return write ? Operation.PLAIN_WRITE : Operation.PLAIN_READ;
  }

  private static String verb(boolean write) {
    return write ? "write" : "read";
  }

  private static String where(int site) {
    Site s = SiteRegistry.get(site);
    return s == null ? "an unknown line" : s.location();
  }
}
