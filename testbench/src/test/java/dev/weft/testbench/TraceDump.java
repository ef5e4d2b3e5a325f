package dev.weft.testbench;

import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.testbench.corpus.Corpus;
import dev.weft.testbench.corpus.Program;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link ReplayAcrossJdksTest}. {@code find DIR JDK}: explores every buggy
 * program that Weft explores on JDK {@code JDK} too, leaving its schedule and trace in DIR. {@code
 * replay DIR JDK}: replays the schedule of each of those programs and prints every program whose
 * failure or trace differs; the exit code is their number.
 */
public final class TraceDump {
  private TraceDump() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[1]);
    int oldest = Integer.parseInt(args[2]);
    int differences = 0;
    for (Program program : Corpus.buggy()) {
      if (program.jdk() > oldest) continue;
      Path trace = dir.resolve(program.name() + ".trace");
      Path schedule = dir.resolve(program.name() + ".json");
      if (args[0].equals("find")) {
        ExplorationResult result = Weft.exploreInterleavings(
            Budget.options(program, StrategyKind.RANDOM, Budget.SEEDS[0], program.name())
                .outputDir(dir).build(), program.body());
        Failure f = result.failure().orElseThrow(() -> new AssertionError(program.name()));
        Files.writeString(trace, f.trace(), StandardCharsets.UTF_8);
      } else {
        ReplayResult replay = Weft.replay(schedule.toString(), program.body());
        String expected = Files.readString(trace, StandardCharsets.UTF_8);
        if (replay.status() != ReplayResult.Status.REPRODUCED || !expected.equals(replay.trace())) {
          differences++;
          System.out.println(program.name() + ": " + replay.status() + " " + replay.message()
              + "\n--- trace found\n" + expected + "--- trace replayed\n" + replay.trace());
        }
      }
    }
    System.out.println(differences + " differences");
    System.exit(differences);
  }
}
