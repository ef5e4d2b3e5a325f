package dev.weft.testbench;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.programs.LostUpdate;

/**
 * Run by {@link CleanClassPathTest} in a JVM without {@code -javaagent}, whose class path holds the
 * explorer's published jar and the scheduler's, nothing else of Weft's dependencies: Weft attaches
 * its agent with the relocated Byte Buddy, finds the lost update and replays it, with the relocated
 * Gson writing and reading the schedule file. Exit code 0 when all of that worked.
 */
public final class ShadedAttachProbe {
  private ShadedAttachProbe() {}

  public static void main(String[] args) throws Exception {
    ExplorationResult result = Weft.exploreInterleavings(Options.builder()
        .strategy(StrategyKind.RANDOM).iterations(500).testName("shaded-attach")
        .outputDir(java.nio.file.Path.of(args[0])).build(), () -> LostUpdate.main(new String[0]));
    System.out.println(result.summary());
    if (result.failure().isEmpty()) System.exit(2);
    ReplayResult replay = Weft.replay(
        result.failure().get().scheduleFile().toString(), () -> LostUpdate.main(new String[0]));
    System.out.println(replay.status());
    System.exit(replay.status() == ReplayResult.Status.REPRODUCED ? 0 : 3);
  }
}
