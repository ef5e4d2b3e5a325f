package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.schedule.ClassHashes;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Which class files a schedule vouches for, and where to find them: the classes whose code the
 * failing execution ran (the classes of its steps' sites) and the test's or program's own class,
 * looked up through the program's class loader, when recording and again when replaying.
 */
final class ProgramClasses {
  private ProgramClasses() {}

  /** The hashes to record for {@code body}, whose failing execution is {@code trace}. */
  static SortedMap<String, String> hashes(Body body, List<TraceEvent> trace) {
    Class<?> program = programClass(body);
    TreeSet<String> names = new TreeSet<>();
    names.add(program.getName());
    for (TraceEvent e : trace) {
      Site site = SiteRegistry.get(e.site());
      if (site != null) names.add(site.className());
    }
    return ClassHashes.of(names, loaderOf(program));
  }

  /** @throws dev.weft.explorer.schedule.ScheduleException when a recorded class file changed */
  static void check(Schedule schedule, Body body) {
    if (schedule.classes() != null) {
      ClassHashes.check(schedule.classes(), loaderOf(programClass(body)));
    }
  }

  /**
   * The test's class for a lambda or method reference (its hidden class's nest host is the class
   * that wrote it), or the body's own class; the program's main class for a {@link ProgramBody}.
   */
  private static Class<?> programClass(Body body) {
    return body instanceof ProgramBody p ? p.programClass() : body.getClass().getNestHost();
  }

  private static ClassLoader loaderOf(Class<?> program) {
    return Objects.requireNonNullElse(program.getClassLoader(),
        ClassLoader.getPlatformClassLoader());
  }
}
