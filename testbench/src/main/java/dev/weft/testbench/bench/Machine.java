package dev.weft.testbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** One line about the machine, for the report: CPU model, cores, memory, OS. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
    String memKib = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    String memory = "";
    if (!memKib.isEmpty()) {
      memory = String.format(Locale.ROOT, ", %.1f GiB",
          Long.parseLong(memKib.split("\\s+")[0]) / (1024.0 * 1024.0));
    }
    return (cpu.isEmpty() ? "" : cpu + ", ") + Runtime.getRuntime().availableProcessors()
        + " cores" + memory + ", " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch");
  }

  private static String firstValue(Path file, String key) {
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
          return line.substring(colon + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "";
  }
}
