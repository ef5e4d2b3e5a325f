package dev.weft.explorer.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * JUnit's file entries, {@code ExtensionContext.publishFile(name, mediaType, action)}: the platform
 * gives a path in its report directory, the action writes the file there, and listeners (an IDE, a
 * report writer) are told of it. They came in JUnit 5.12; Weft compiles against 5.11 and runs on
 * either, so the method is looked up in the JUnit the test runs on, and on 5.11 nothing is
 * published this way (the files' paths are report entries regardless).
 *
 * <p>5.12 and 5.13 take the media type as {@code org.junit.jupiter.api.extension.MediaType}; 5.14
 * added {@code org.junit.jupiter.api.MediaType} and deprecated the first. The newer is taken when
 * both are there.
 */
final class FileEntries {
  /** The platform's publishFile, or empty when the JUnit on the class path has none. */
  private static final Optional<Method> PUBLISH_FILE = Arrays.stream(
          ExtensionContext.class.getMethods())
      .filter(m -> m.getName().equals("publishFile") && m.getParameterCount() == 3
          && m.getParameterTypes()[0] == String.class
          && m.getParameterTypes()[2] == ThrowingConsumer.class)
      .min(Comparator.comparing(m -> m.getParameterTypes()[1].getName().contains(".extension.")));

  private FileEntries() {}

  /** Whether the JUnit the test runs on publishes files. */
  static boolean supported() {
    return PUBLISH_FILE.isPresent();
  }

  /**
   * Publishes a copy of {@code file}, under its own name, as a file entry of the test, when the
   * platform has file entries. Returns a line for the failure's message when publishing failed,
   * else nothing: the failure is reported regardless, with the file's path.
   */
  static String publish(ExtensionContext context, Path file, String mediaType) {
    if (PUBLISH_FILE.isEmpty()) return "";
    Method publish = PUBLISH_FILE.get();
    try {
      Object type = publish.getParameterTypes()[1].getMethod("parse", String.class)
          .invoke(null, mediaType);
      ThrowingConsumer<Path> copy =
          target -> Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      publish.invoke(context, file.getFileName().toString(), type, copy);
      return "";
    } catch (InvocationTargetException e) {
      return "Could not publish " + file + " as a JUnit file entry: " + e.getCause() + "\n";
    } catch (ReflectiveOperationException e) {
      return "Could not publish " + file + " as a JUnit file entry: " + e + "\n";
    }
  }
}
