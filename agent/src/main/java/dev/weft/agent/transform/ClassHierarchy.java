package dev.weft.agent.transform;

import dev.weft.agent.rules.TypeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Type information read from class files through the defining loader's resources, never by loading
 * a class (a transformer that loads classes can deadlock or see half-defined types). Headers are
 * cached per loader; a loader's cache goes when the loader does. Thread-safe.
 */
final class ClassHierarchy {
  /** Per loader: internal name to header, empty when the class file cannot be read. */
  private final Map<ClassLoader, Map<String, Optional<ClassInfo>>> byLoader = new WeakHashMap<>();

  /**
   * The types seen from {@code loader} (null for the bootstrap loader) while {@code className} is
   * being defined from {@code classFile}: that class is not readable as a resource yet, or may
   * differ from the resource, so it is answered from the bytes.
   */
  TypeInfo view(ClassLoader loader, String className, byte[] classFile) {
    Map<String, Optional<ClassInfo>> cache;
    synchronized (byLoader) {
      cache = byLoader.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
    }
    ClassLoader resources = loader != null ? loader : ClassLoader.getPlatformClassLoader();
    return new View(resources, cache, className, classFile);
  }

  private static final class View implements TypeInfo {
    private final ClassLoader resources;
    private final Map<String, Optional<ClassInfo>> cache;
    private final String className;
    private final byte[] classFile;
    private ClassInfo current;

    View(
        ClassLoader resources,
        Map<String, Optional<ClassInfo>> cache,
        String className,
        byte[] classFile) {
      this.resources = resources;
      this.cache = cache;
      this.className = className;
      this.classFile = classFile;
    }

    @Override
    public boolean isSubclassOf(String type, String superType) {
      for (String t = type; t != null; t = info(t).map(ClassInfo::superName).orElse(null)) {
        if (t.equals(superType)) return true;
      }
      return false;
    }

    @Override
    public ResolvedField resolveField(String owner, String name, String descriptor) {
      Optional<ClassInfo> found = info(owner);
      if (found.isEmpty()) return null;
      ClassInfo info = found.get();
      Integer access = info.fieldAccess().get(ClassInfo.fieldKey(name, descriptor));
      if (access != null) return new ResolvedField(owner, access);
      for (String superInterface : info.interfaces()) {
        ResolvedField field = resolveField(superInterface, name, descriptor);
        if (field != null) return field;
      }
      return info.superName() == null ? null : resolveField(info.superName(), name, descriptor);
    }

    @Override
    public boolean mayRunStaticInitializer(String type) {
      if (isJdk(type)) return false;
      Optional<ClassInfo> found = info(type);
      if (found.isEmpty()) return true;
      ClassInfo info = found.get();
      if (info.hasStaticInitializer()) return true;
      for (String superInterface : info.interfaces()) {
        if (mayRunStaticInitializer(superInterface)) return true;
      }
      return info.superName() != null && mayRunStaticInitializer(info.superName());
    }

    /** The JDK's classes, whose initializers the agent leaves alone. */
    private static boolean isJdk(String type) {
      return type.startsWith("java/") || type.startsWith("javax/") || type.startsWith("jdk/")
          || type.startsWith("sun/") || type.startsWith("com/sun/");
    }

    private Optional<ClassInfo> info(String type) {
      if (type.equals(className)) {
        if (current == null) current = ClassInfo.parse(classFile);
        return Optional.of(current);
      }
      // get then put, not computeIfAbsent: reading a resource may load classes, whose transform
      // re-enters this map.
      Optional<ClassInfo> info = cache.get(type);
      if (info == null) {
        info = read(type);
        cache.put(type, info);
      }
      return info;
    }

    private Optional<ClassInfo> read(String type) {
      if (type.startsWith("[")) return Optional.empty();
      try (InputStream in = resources.getResourceAsStream(type + ".class")) {
        return in == null ? Optional.empty() : Optional.of(ClassInfo.parse(in.readAllBytes()));
      } catch (IOException | RuntimeException unreadable) {
        return Optional.empty();
      }
    }
  }
}
