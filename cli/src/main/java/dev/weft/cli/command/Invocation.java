package dev.weft.cli.command;

import dev.weft.cli.WeftCli;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;

/** How the user started weft, for the commands weft prints for them to paste. */
final class Invocation {
  /** The system property by which the {@code weft} script names itself. */
  private static final String LAUNCHER = "weft.launcher";

  private Invocation() {}

  /**
   * {@code weft COMMAND} as the user would type it: the launcher script as they typed it (the
   * script sets {@value #LAUNCHER}), else {@code java -jar} and the jar's path as they typed it when
   * weft runs from its jar, else {@code weft}.
   */
  static String command(String command) {
    return weft() + " " + command;
  }

  private static String weft() {
    String launcher = System.getProperty(LAUNCHER);
    if (launcher != null && !launcher.isBlank()) return launcher;
    String classPath = System.getProperty("java.class.path");
    CodeSource source = WeftCli.class.getProtectionDomain().getCodeSource();
    if (source == null || classPath.contains(File.pathSeparator)) return "weft";
    try {
      Path running = Path.of(source.getLocation().toURI());
      boolean fromJar = running.toString().endsWith(".jar")
          && running.equals(Path.of(classPath).toAbsolutePath().normalize());
      return fromJar ? "java -jar " + classPath : "weft";
    } catch (URISyntaxException | RuntimeException e) {
      return "weft";
    }
  }
}
