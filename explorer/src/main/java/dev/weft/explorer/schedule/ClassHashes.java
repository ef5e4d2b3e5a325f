package dev.weft.explorer.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Hashes of the code a schedule ran, looked up as class files through a class loader, so that a
 * replay against changed code is refused at once instead of diverging somewhere later, or worse,
 * reproducing by chance.
 *
 * <p>Each entry is keyed {@code CLASS#METHOD} and hashes that method's code ({@link MethodHashes}):
 * only the methods the trace ran are vouched for, so an edit of another method of the same class
 * (another test beside the failing one) does not void the schedule.
 */
public final class ClassHashes {
  /** Hex digits kept of each SHA-256: 64 bits, plenty to notice an edit. */
  static final int LENGTH = 16;

  private static final Pattern HASH = Pattern.compile("[0-9a-f]{" + LENGTH + "}");
  private static final Pattern CLASS_NAME = Pattern.compile(
      "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
          + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
  private static final Pattern METHOD_NAME =
      Pattern.compile("<init>|<clinit>|\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");
  private static final int NAMED_AT_MOST = 5;
  private static final char METHOD = '#';

  private ClassHashes() {}

  /**
   * The hashes of {@code methods}, by class name, keyed {@code CLASS#METHOD}, leaving out the JDK's
   * classes (the schedule names the JVM; a JDK update should not void it), classes that have no
   * class file (generated at run time) and methods their class file does not have (added by the
   * agent).
   */
  public static SortedMap<String, String> of(Map<String, ? extends Collection<String>> methods,
      ClassLoader loader) {
    SortedMap<String, String> hashes = new TreeMap<>();
    methods.forEach((className, names) -> {
      if (isJdk(className)) return;
      byte[] classFile = classFile(className, loader);
      if (classFile == null) return;
      for (String method : names) {
        String hash = MethodHashes.of(classFile, method);
        if (hash != null) hashes.put(className + METHOD + method, hash);
      }
    });
    return hashes;
  }

  /**
   * Checks that {@code loader} finds the same class files as were recorded.
   *
   * @throws ScheduleException naming the classes that changed or are gone
   */
  public static void check(Map<String, String> recorded, ClassLoader loader) {
    Set<String> changed = new LinkedHashSet<>();
    recorded.forEach((key, hash) -> {
      int at = key.indexOf(METHOD);
      String className = key.substring(0, at);
      byte[] classFile = classFile(className, loader);
      if (classFile == null) {
        changed.add(className + " (no longer found)");
      } else if (!hash.equals(MethodHashes.of(classFile, key.substring(at + 1)))) {
        changed.add(className);
      }
    });
    if (changed.isEmpty()) return;
    throw new ScheduleException((changed.size() == 1 ? "class " : "classes ")
        + names(List.copyOf(changed))
        + " changed since the schedule was recorded; explore again to record a new schedule");
  }

  /**
   * @throws ScheduleException when an entry is not a class and method name and a hash as {@link
   *     #of} gives
   */
  static void validate(Map<String, String> classes) {
    classes.forEach((key, hash) -> {
      int at = key.indexOf(METHOD);
      String name = at < 0 ? key : key.substring(0, at);
      if (at < 0 || !CLASS_NAME.matcher(name).matches()
          || !METHOD_NAME.matcher(key.substring(at + 1)).matches()) {
        throw new ScheduleException("the schedule's classes name '" + ScheduleChecks.clip(key)
            + "', which is not a class and a method, CLASS#METHOD");
      }
      if (isJdk(name)) {
        throw new ScheduleException("the schedule's classes name '" + name
            + "', a class of the JDK, which Weft does not hash");
      }
      if (hash == null || !HASH.matcher(hash).matches()) {
        throw new ScheduleException("the schedule's hash of " + key + " is "
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

  /** The class file, or null when {@code loader} cannot find or read it. */
  private static byte[] classFile(String className, ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(resource(className))) {
      return in == null ? null : in.readAllBytes();
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
