package dev.weft.scheduler.trace;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every instrumented site, by index. Written when the agent transforms a class (rarely, possibly
 * from several class-loading threads at once); read on every step without locking.
 *
 * <p>Each site also gets the number of what it touches (its {@link Site#detail()}, such as a field
 * {@code Counter.value}), interned here once, so that steps compare fields by number without
 * hashing a string or taking a lock.
 */
public final class SiteRegistry {
  /** The detail number of an unknown site: shared, so unknown accesses count as dependent. */
  public static final int UNKNOWN_DETAIL = 1;

  private static final Object LOCK = new Object();
  private static final Map<String, Integer> DETAIL_NUMBERS = new HashMap<>();
  private static volatile Site[] sites = new Site[256];
  private static volatile int[] detailNumbers = new int[256];
  private static volatile int[] stableKeys = new int[256];
  private static final Map<Integer, Integer> BY_STABLE_KEY = new HashMap<>();
  /** Sites registered at run time ({@link #registerOnce}), so each place gets one index. */
  private static final Map<Site, Integer> BY_SITE = new HashMap<>();
  private static int count;

  private SiteRegistry() {}

  public static int register(
      String className, String methodName, String fileName, int line, String detail) {
    return register(className, methodName, fileName, line, detail, detail);
  }

  /**
   * Registers a site shown as {@code detail} whose location is {@code location}: sites of one
   * location get one {@link #detailNumber}, whatever they show (a {@code VarHandle}'s
   * compare-and-set and a field read of the same object, inside the JDK).
   */
  public static int register(String className, String methodName, String fileName, int line,
      String detail, String location) {
    synchronized (LOCK) {
      if (count == sites.length) {
        sites = Arrays.copyOf(sites, count * 2);
        detailNumbers = Arrays.copyOf(detailNumbers, count * 2);
        stableKeys = Arrays.copyOf(stableKeys, count * 2);
      }
      Site[] current = sites;
      int[] numbers = detailNumbers;
      int[] keys = stableKeys;
      Site site = new Site(className.replace('/', '.'), methodName, fileName, line, detail);
      current[count] = site;
      String key = location != null ? location : "site " + count;
      numbers[count] = DETAIL_NUMBERS.computeIfAbsent(key, k -> DETAIL_NUMBERS.size() + 2);
      keys[count] = stableKeyOf(site);
      BY_STABLE_KEY.putIfAbsent(keys[count], count);
      stableKeys = keys;
      detailNumbers = numbers; // republish so readers see the new slots
      sites = current;
      return count++;
    }
  }

  /**
   * The index of the site with exactly these fields, registered now if it is new: for places found
   * at run time (the program's frame below JDK code), which must not grow the registry per step.
   */
  public static int registerOnce(
      String className, String methodName, String fileName, int line, String detail) {
    Site site = new Site(className, methodName, fileName, line, detail);
    synchronized (LOCK) {
      Integer known = BY_SITE.get(site);
      if (known != null) return known;
      int index = register(className, methodName, fileName, line, detail);
      BY_SITE.put(site, index);
      return index;
    }
  }

  /** Whether site {@code index} lies in the JDK's own code ({@code java.*}). */
  public static boolean inJdk(int index) {
    Site s = get(index);
    return s != null && s.className().startsWith("java.");
  }

  /**
   * A key for site {@code index} that is the same in every JVM (indices depend on the order classes
   * load): a hash of its class, method, line and detail; 0 for no site.
   */
  public static int stableKey(int index) {
    int[] keys = stableKeys;
    return index >= 0 && index < keys.length ? keys[index] : 0;
  }

  /** A site of this JVM with the given stable key, or null when none is registered (yet). */
  public static Site byStableKey(int key) {
    Integer index;
    synchronized (LOCK) {
      index = BY_STABLE_KEY.get(key);
    }
    return index == null ? null : get(index);
  }

  private static int stableKeyOf(Site s) {
    int h = s.className().hashCode();
    h = 31 * h + s.methodName().hashCode();
    h = 31 * h + s.line();
    h = 31 * h + (s.detail() == null ? 0 : s.detail().hashCode());
    return h == 0 ? 1 : h;
  }

  /** The site with this index, or null for an unknown index (e.g. -1: no site). */
  public static Site get(int index) {
    Site[] current = sites;
    return index >= 0 && index < current.length ? current[index] : null;
  }

  /**
   * The number of what site {@code index} touches: equal for sites of the same field, at least 1;
   * {@link #UNKNOWN_DETAIL} for an unknown index.
   */
  public static int detailNumber(int index) {
    int[] numbers = detailNumbers;
    return index >= 0 && index < numbers.length && numbers[index] != 0
        ? numbers[index] : UNKNOWN_DETAIL;
  }
}
