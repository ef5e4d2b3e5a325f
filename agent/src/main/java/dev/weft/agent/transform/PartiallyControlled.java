package dev.weft.agent.transform;

import java.util.Set;
import java.util.TreeSet;

/**
 * Classes with a synchronized method the scheduler cannot see (retransformed after loading, or
 * native), published in the system property {@value #PROPERTY} as sorted, comma-separated binary
 * names, so the explorer can warn without depending on the agent.
 */
public final class PartiallyControlled {
  public static final String PROPERTY = "weft.agent.partiallyControlled";
  private static final Set<String> CLASSES = new TreeSet<>();

  private PartiallyControlled() {}

  static synchronized void add(String internalName) {
    if (CLASSES.add(internalName.replace('/', '.'))) {
      System.setProperty(PROPERTY, String.join(",", CLASSES));
    }
  }
}
