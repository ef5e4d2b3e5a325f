package dev.weft.scheduler.race;

import java.util.Set;

/**
 * What the race detector reports. A race on a field named here is benign: the program means it
 * (a racy cache, a statistics counter) and says so.
 *
 * @param benign fields as {@code com.acme.Counter.hits}, or without the package, {@code
 *     Counter.hits}; a nested class may be written {@code Outer.Inner} or {@code Outer$Inner}
 */
public record RaceRules(Set<String> benign) {
  /** No race is benign. */
  public static final RaceRules NONE = new RaceRules(Set.of());

  public RaceRules {
    benign = Set.copyOf(benign.stream().map(RaceRules::normalize).toList());
  }

  /** Whether races on {@code field} ({@code com.acme.Counter.hits}) are declared benign. */
  public boolean isBenign(String field) {
    String name = normalize(field);
    if (benign.contains(name)) return true;
    // Without its package: the last two dotted parts at least, more for nested classes.
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      if (benign.contains(name.substring(dot + 1))) return true;
    }
    return false;
  }

  private static String normalize(String field) {
    return field.strip().replace('$', '.');
  }
}
