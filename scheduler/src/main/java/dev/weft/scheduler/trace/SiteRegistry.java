package dev.weft.scheduler.trace;

import java.util.Arrays;

/**
 * Every instrumented site, by index. Written when the agent transforms a class (rarely, possibly
 * from several class-loading threads at once); read on every traced step without locking.
 */
public final class SiteRegistry {
  private static final Object LOCK = new Object();
  private static volatile Site[] sites = new Site[256];
  private static int count;

  private SiteRegistry() {}

  public static int register(
      String className, String methodName, String fileName, int line, String detail) {
    synchronized (LOCK) {
      if (count == sites.length) sites = Arrays.copyOf(sites, count * 2);
      Site[] current = sites;
      current[count] = new Site(className.replace('/', '.'), methodName, fileName, line, detail);
      sites = current; // republish so readers see the new slot
      return count++;
    }
  }

  /** The site with this index, or null for an unknown index (e.g. -1: no site). */
  public static Site get(int index) {
    Site[] current = sites;
    return index >= 0 && index < current.length ? current[index] : null;
  }
}
