package dev.weft.testbench.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak memory of this JVM over a stretch of work: heap from the memory pools' peak usage, and
 * the process's resident set from Linux's VmHWM. {@link #reset()} starts a stretch, the getters read
 * it. Not thread-safe; one stretch at a time per JVM.
 */
final class PeakMemory {
  private static final Path STATUS = Path.of("/proc/self/status");
  // Writing 5 here resets VmHWM to the current resident set (Linux 4.0 and later).
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");
  private static final double MIB = 1024.0 * 1024.0;

  private PeakMemory() {}

  /** Collects garbage, then starts a new stretch for both measures. */
  static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
    try {
      Files.writeString(CLEAR_REFS, "5");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // Not Linux, or not allowed: VmHWM then covers the whole life of the process.
    }
  }

  /**
   * The sum of the heap pools' peak use since {@link #reset()}, in MiB. The pools peak at different
   * moments, so this is an upper bound of the heap's true peak.
   */
  static double heapMib() {
    long bytes = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        bytes += pool.getPeakUsage().getUsed();
      }
    }
    return bytes / MIB;
  }

  /** The process's peak resident set (VmHWM) since {@link #reset()}, in MiB; NaN if unknown. */
  static double rssMib() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmHWM:")) {
          String kib = line.substring("VmHWM:".length()).trim().split("\\s+")[0];
          return Long.parseLong(kib) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through: not Linux
    }
    return Double.NaN;
  }
}
