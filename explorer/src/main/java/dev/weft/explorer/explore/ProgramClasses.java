package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.schedule.ClassHashes;
import dev.weft.explorer.schedule.Schedule;
import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import dev.weft.scheduler.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which code a schedule vouches for, and where to find it: the methods whose code the failing
 * execution ran (the methods of its steps' sites), looked up in their class files through the
 * program's class loader, when recording and again when replaying. Not the rest of their classes:
 * another test method of the test's class may change without voiding the schedule.
 */
final class ProgramClasses {
  private ProgramClasses() {}

  /** The hashes to record for {@code body}, whose failing execution is {@code trace}. */
  static SortedMap<String, String> hashes(Body body, List<TraceEvent> trace) {
    Map<String, Set<String>> methods = new TreeMap<>();
    for (TraceEvent e : trace) {
      Site site = SiteRegistry.get(e.site());
      if (site != null) {
        methods.computeIfAbsent(site.className(), c -> new TreeSet<>()).add(site.methodName());
      }
    }
    return ClassHashes.of(methods, loaderOf(programClass(body)));
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
