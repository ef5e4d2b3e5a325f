package dev.weft.explorer.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Hashes of class files, looked up as resources through a class loader: what a schedule records of
 * the code it ran, so that a replay against changed code is refused at once instead of diverging
 * somewhere later, or worse, reproducing by chance.
 */
public final class ClassHashes {
  /** Hex digits kept of each SHA-256: 64 bits, plenty to notice an edit. */
  static final int LENGTH = 16;

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{" + LENGTH + "}");
  private static final Pattern CLASS_NAME = Pattern.compile(
      "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
          + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
  private static final int NAMED_AT_MOST = 5;

  private ClassHashes() {}

  /**
   * The hashes of those of {@code classNames} whose class files {@code loader} finds, leaving out
   * the JDK's (the schedule names the JVM; a JDK update should not void it) and classes that have
   * no class file (generated at run time).
   */
  public static SortedMap<String, String> of(Collection<String> classNames, ClassLoader loader) {
    SortedMap<String, String> hashes = new TreeMap<>();
    for (String name : classNames) {
      if (isJdk(name)) continue;
      String hash = hashOf(name, loader);
      if (hash != null) hashes.put(name, hash);
    }
    return hashes;
  }

  /**
   * Checks that {@code loader} finds the same class files as were recorded.
   *
   * @throws ScheduleException naming the classes that changed or are gone
   */
  public static void check(Map<String, String> recorded, ClassLoader loader) {
    List<String> changed = new ArrayList<>();
    recorded.forEach((name, hash) -> {
      String now = hashOf(name, loader);
      if (now == null) changed.add(name + " (no longer found)");
      else if (!now.equals(hash)) changed.add(name);
    });
    if (changed.isEmpty()) return;
    throw new ScheduleException((changed.size() == 1 ? "class " : "classes ") + names(changed)
        + " changed since the schedule was recorded; explore again to record a new schedule");
  }

  /** @throws ScheduleException when an entry is not a class name and a hash as {@link #of} gives */
  static void validate(Map<String, String> classes) {
    classes.forEach((name, hash) -> {
      if (!CLASS_NAME.matcher(name).matches()) {
        throw new ScheduleException("the schedule's classes name '" + ScheduleChecks.clip(name)
            + "', which is not a class name");
      }
      if (isJdk(name)) {
        throw new ScheduleException("the schedule's classes name '" + name
            + "', a class of the JDK, which Weft does not hash");
      }
      if (hash == null || !HASH.matcher(hash).matches()) {
        throw new ScheduleException("the schedule's hash of class " + name + " is "
            + (hash == null ? "null" : "'" + ScheduleChecks.clip(hash) + "'")
            + ", not " + LENGTH + " hex digits");
      }
    });
  }

  /** The first {@link #LENGTH} hex digits of the SHA-256 of {@code bytes}. */
  static String hash(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, LENGTH / 2);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** The hash of the class file, or null when {@code loader} cannot find or read it. */
  private static String hashOf(String className, ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(resource(className))) {
      return in == null ? null : hash(in.readAllBytes());
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isJdk(String className) {
    return ClassLoader.getPlatformClassLoader().getResource(resource(className)) != null;
  }

  private static String resource(String className) {
    return className.replace('.', '/') + ".class";
  }

  private static String names(List<String> names) {
    int shown = Math.min(names.size(), NAMED_AT_MOST);
    String list = String.join(", ", names.subList(0, shown));
    return shown == names.size() ? list : list + " and " + (names.size() - shown) + " more";
  }
}
