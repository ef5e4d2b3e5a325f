package dev.weft.cli.child;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The program's class path, shared by the {@link ProgramLoader}s of all executions: each class file
 * is read once and kept, so a new execution only defines classes again; resources are looked up
 * in one {@link URLClassLoader}, which no program class is ever loaded by. Thread-safe.
 */
final class ProgramClassPath {
  private final String text;
  private final URLClassLoader files;
  /** Binary name to class file bytes, as read from the class path (the agent rewrites them). */
  private final Map<String, byte[]> classFiles = new ConcurrentHashMap<>();

  /** @param text entries separated by {@link File#pathSeparator}, relative to the working directory */
  ProgramClassPath(String text) {
    this.text = text;
    List<URL> urls = new ArrayList<>();
    for (String entry : text.split(File.pathSeparator)) {
      if (entry.isBlank()) continue;
      try {
        urls.add(Path.of(entry).toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException | RuntimeException e) {
        throw new IllegalArgumentException("class path entry '" + entry + "' is not a valid path ("
            + e.getMessage() + "); fix it in the class path");
      }
    }
    files = new URLClassLoader(urls.toArray(URL[]::new), null);
  }

  /** The class path as given, for messages. */
  String text() {
    return text;
  }

  /** The class file of {@code className}, or null when the class path has none. */
  byte[] classFile(String className) {
    return classFiles.computeIfAbsent(className, this::read);
  }

  URL findResource(String name) {
    return files.findResource(name);
  }

  Enumeration<URL> findResources(String name) throws IOException {
    return files.findResources(name);
  }

  private byte[] read(String className) {
    URL url = files.findResource(className.replace('.', '/') + ".class");
    if (url == null) return null;
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + url, e);
    }
  }
}
