package dev.weft.scheduler.runtime;

import dev.weft.scheduler.trace.Site;
import dev.weft.scheduler.trace.SiteRegistry;
import java.util.List;
import java.util.Map;

/**
 * The JDK's lock-free data structures whose inside Weft schedules when an execution opens them up
 * ({@link ExecutionConfig#jdkStructuresOpened}; off by default, since it costs several steps a call
 * and thousands for a walk over a large map). A program's call into one of them is then not one
 * atomic step: each read, write and compare-and-set of shared memory inside it (a
 * volatile or plain field, a {@code VarHandle} or {@code Unsafe} access) and each monitor it takes
 * ({@code ConcurrentHashMap}'s bins) is a scheduling point, so the interleavings that make such a
 * structure's calls overlap are explored, as they are for a program's own lock-free code.
 *
 * <pre>
 *   program: deque.pollFirst()     call step, touching nothing (its effects are the steps below)
 *     JDK:   read  Node.item      ┐
 *            cas   Node.item      ├ steps, each keyed by the object it touches (all its fields
 *            read  Node.next      ┘ as one location: a VarHandle and a field read must agree)
 *   program: ... returned          the inside is scheduled no more
 * </pre>
 *
 * Only inside the program's own calls: the same classes used by the JDK for itself (class loading's
 * maps, an executor's queue) stay one step, as everything else in {@code java.util.concurrent} is,
 * so the first execution, which loads classes, takes the same steps as the next ones. Lock-based
 * structures ({@code LinkedBlockingQueue}, {@code ArrayBlockingQueue}) are not here: each of their
 * calls holds a lock for all it changes, which their call step already models as atomic.
 */
public final class JdkStructures {
  /**
   * Structures whose calls by the program are opened up, each with the classes whose code its calls
   * run: each name covers the class, its nested classes (iterators, views, nodes) and, as a
   * receiver, the program's subclasses of it. Code of other classes that a call happens to run (the
   * JDK linking a {@code VarHandle} call site the first time, with a map of its own) stays unseen.
   */
  private static final Map<String, List<String>> STRUCTURES = Map.of(
      "java/util/concurrent/ConcurrentLinkedDeque",
      List.of("java/util/concurrent/ConcurrentLinkedDeque"),
      "java/util/concurrent/ConcurrentLinkedQueue",
      List.of("java/util/concurrent/ConcurrentLinkedQueue"),
      "java/util/concurrent/ConcurrentHashMap",
      List.of("java/util/concurrent/ConcurrentHashMap"),
      // A skip list counts its size in a LongAdder; a set is a skip-list map inside.
      "java/util/concurrent/ConcurrentSkipListMap",
      List.of("java/util/concurrent/ConcurrentSkipListMap", "java/util/concurrent/atomic/LongAdder",
          "java/util/concurrent/atomic/Striped64"),
      "java/util/concurrent/ConcurrentSkipListSet",
      List.of("java/util/concurrent/ConcurrentSkipListSet",
          "java/util/concurrent/ConcurrentSkipListMap", "java/util/concurrent/atomic/LongAdder",
          "java/util/concurrent/atomic/Striped64"));

  /** The location name every access inside a structure shares per object ({@link Locations}). */
  public static final String WHOLE_OBJECT = "(the object's fields)";

  /** Per class: the classes a call on an instance runs, as dotted top-level names; null if none. */
  private static final ClassValue<List<String>> CODE = new ClassValue<>() {
    @Override
    protected List<String> computeValue(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        List<String> code = STRUCTURES.get(topLevel(c.getName().replace('.', '/')));
        if (code != null) return code.stream().map(n -> n.replace('/', '.')).toList();
      }
      return null;
    }
  };

  private JdkStructures() {}

  /** Whether the agent schedules the inside of the JDK class {@code internalName}. */
  public static boolean instrumented(String internalName) {
    String top = topLevel(internalName);
    for (List<String> code : STRUCTURES.values()) {
      if (code.contains(top)) return true;
    }
    return false;
  }

  /** Whether a call on {@code receiver} opens up the inside of a structure. */
  static boolean isStructure(Object receiver) {
    return codeOf(receiver) != null;
  }

  /** The classes (dotted) whose code a call on {@code receiver} runs; null for no structure. */
  static List<String> codeOf(Object receiver) {
    return receiver == null ? null : CODE.get(receiver.getClass());
  }

  /** Whether the site {@code site} lies in the code of one of {@code classes} (dotted). */
  static boolean inCodeOf(List<String> classes, int site) {
    Site s = SiteRegistry.get(site);
    if (s == null) return false;
    String top = topLevel(s.className());
    return classes.contains(top);
  }

  private static String topLevel(String name) {
    int nested = name.indexOf('$');
    return nested < 0 ? name : name.substring(0, nested);
  }
}
