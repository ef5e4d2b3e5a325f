package dev.weft.explorer.explore;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this Weft build, from the filtered {@code weft.properties} resource. */
public final class WeftVersion {
  private static final String VERSION = load();

  private WeftVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = WeftVersion.class.getResourceAsStream("/dev/weft/explorer/weft.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
