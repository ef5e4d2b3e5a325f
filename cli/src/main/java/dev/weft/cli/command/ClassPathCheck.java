package dev.weft.cli.command;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The program's class path, checked before any JVM starts: an entry that does not exist is named
 * as such, where the child would only say that the main class is not on the class path.
 */
final class ClassPathCheck {
  private ClassPathCheck() {}

  /**
   * Why {@code classpath} cannot be used, or null when every entry exists. Relative entries are
   * resolved against the working directory, as the child resolves them.
   */
  static String problem(String classpath) {
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) continue;
      Path path;
      try {
        path = Path.of(entry);
      } catch (InvalidPathException e) {
        return "class path entry '" + entry + "' is not a valid path (" + e.getReason() + ")";
      }
      if (!Files.exists(path)) {
        return "class path entry '" + entry + "' does not exist"
            + (path.isAbsolute() ? "" : " in " + Path.of("").toAbsolutePath());
      }
    }
    return null;
  }
}
