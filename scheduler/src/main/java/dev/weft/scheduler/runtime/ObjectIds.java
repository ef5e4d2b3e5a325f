package dev.weft.scheduler.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * Stable short names for the objects of one execution: {@code Counter#1}, {@code Object#2}, in the
 * order the execution first touches them, so that the same schedule always gives the same names
 * (identity hash codes never appear).
 */
final class ObjectIds {
  private final IdentityTable<String> names = new IdentityTable<>();
  private final Map<String, Integer> counters = new HashMap<>();

  String nameOf(Object o) {
    if (o == null) return "null";
    if (o instanceof Class<?> c) return simpleName(c) + ".class";
    String name = names.get(o);
    if (name == null) {
      String type = simpleName(o.getClass());
      name = type + "#" + counters.merge(type, 1, Integer::sum);
      names.put(o, name);
    }
    return name;
  }

  private static String simpleName(Class<?> c) {
    String name = c.getSimpleName();
    if (!name.isEmpty()) return name;
    String full = c.getName(); // anonymous or hidden class: keep its binary name without package
    return full.substring(full.lastIndexOf('.') + 1);
  }
}
