package dev.weft.scheduler.trace;

/**
 * A place in the program's bytecode that the agent instrumented.
 *
 * @param className binary name with dots
 * @param methodName the enclosing method
 * @param fileName the source file, or null when the class has no SourceFile attribute
 * @param line the source line, or -1 when unknown
 * @param detail what the site touches, e.g. {@code Counter.count}; may be null
 */
public record Site(String className, String methodName, String fileName, int line, String detail) {
  /**
   * A plain field's full name as reports show it: {@code com.acme.Counter.count} as {@code
   * Counter.count}, {@code Outer$Inner.f} as {@code Outer.Inner.f}.
   */
  public static String shortField(String field) {
    int dot = field.lastIndexOf('.');
    int classDot = dot <= 0 ? -1 : field.lastIndexOf('.', dot - 1);
    return field.substring(classDot + 1).replace('$', '.');
  }

  /** {@code File.java:line}, falling back to the class name when the source is unknown. */
  public String location() {
    String file = fileName != null ? fileName : className.substring(className.lastIndexOf('.') + 1);
    return line >= 0 ? file + ":" + line : file;
  }
}
