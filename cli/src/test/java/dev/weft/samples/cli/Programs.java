package dev.weft.samples.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Where the sample programs are, and programs compiled at test time onto a class path of their own. */
public final class Programs {
  private Programs() {}

  /** The class path entry holding the samples of this package: the module's test classes. */
  public static String samplesClassPath() {
    try {
      return Path.of(LostUpdate.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Compiles one class into {@code dir}, for a program that differs from the samples (a fixed
   * version of one, say) under the same name.
   *
   * @return {@code dir}, as a class path
   */
  public static String compile(Path dir, String className, String source) {
    try {
      Path file = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status = javac.run(null, null, null, "-d", dir.toString(), file.toString());
      assertTrue(status == 0, "javac failed on " + file);
      return dir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code lines} joined as one Java source. */
  public static String source(String... lines) {
    return String.join("\n", List.of(lines)) + "\n";
  }
}
