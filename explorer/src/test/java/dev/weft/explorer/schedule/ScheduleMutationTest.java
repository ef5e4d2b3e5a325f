package dev.weft.explorer.schedule;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.explorer.api.Body;
import dev.weft.explorer.api.ExplorationResult;
import dev.weft.explorer.api.Failure;
import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.ReplayResult;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Weft;
import dev.weft.explorer.explore.Replayer;
import dev.weft.explorer.explore.WeftVersion;
import dev.weft.explorer.schedule.ScheduleMutants.Mutant;
import dev.weft.samples.explorer.Races;
import dev.weft.samples.explorer.SmallBugs;
import dev.weft.samples.explorer.VolatileCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds thousands of deterministic mutants of real schedule files to the replay path ({@link
 * ScheduleFiles#read}, then {@link Replayer#replay}). Each must be refused with a reason a user can
 * read, or replay to a result that says what happened; never another throwable, never a hang. A
 * mutant whose step log still stands but whose choices changed must not reproduce, nor one whose
 * step log changed at all: a replay compares every step with it.
 */
class ScheduleMutationTest {
  private static final long SEED = 0x5EEDL;
  /**
   * Only a hang guard, per mutant: a replay of these small programs takes milliseconds, so no
   * machine, however busy, gets near it; the work is bounded by the number of mutants instead.
   */
  private static final long HANG_GUARD_MINUTES = 5;
  private static final int PER_KIND = 60;
  /** Signs of a raw exception in a message: package names, "...Exception:", stack frames. */
  private static final Pattern RAW =
      Pattern.compile("java\\.lang\\.|com\\.google|Exception:|\\tat ");
  private static final Pattern WORD = Pattern.compile("\\w+");
  /** The only throwable the programs throw, which a replay's message may name. */
  private static final String PROGRAM_ERROR = "java.lang.AssertionError";

  private record Program(String name, Body body, boolean races) {}

  private static final List<Program> PROGRAMS = List.of(
      new Program("lost-update", () -> VolatileCounter.race(false), false),
      new Program("deadlock", SmallBugs::deadlock, false),
      new Program("notify", SmallBugs::notifyThenRace, false),
      new Program("data-race", Races::plainPublication, true));

  @Test
  void everyMutantIsRefusedWithAReasonOrReplaysFaithfully(@TempDir Path dir) throws Exception {
    Map<String, Map<String, Integer>> tally = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    ExecutorService replays = Executors.newSingleThreadExecutor();
    try {
      for (int p = 0; p < PROGRAMS.size(); p++) {
        Program program = PROGRAMS.get(p);
        Failure found = record(program, dir);
        assertTrue(!program.name().equals("notify") || found.schedule().contains(".n"),
            "the mutants should start from a notify choice too: " + found.schedule());
        String json = Files.readString(found.scheduleFile());
        List<Mutant> mutants = new ArrayList<>(
            ScheduleMutants.of(json, SEED + p, PER_KIND, p == 0 ? 1 : 7));
        mutants.addAll(ScheduleMutants.ofShortString(found.schedule(), SEED + p, 50));
        Schedule original = ScheduleFiles.read(found.scheduleFile().toString(), WeftVersion.get());
        Path file = dir.resolve("mutant.json");
        for (Mutant m : mutants) {
          String source = m.kind().startsWith("string") ? m.text() : write(file, m);
          Future<String> outcome =
              replays.submit(() -> replay(source, program.body(), original));
          String kind;
          try {
            kind = outcome.get(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
          } catch (TimeoutException e) {
            throw new AssertionError("hang guard: no answer in " + HANG_GUARD_MINUTES
                + " minutes, which only a hang explains: " + describe(m));
          } catch (ExecutionException e) {
            kind = "PROBLEM";
            problems.add(describe(m) + "\n  " + e.getCause());
          }
          tally.computeIfAbsent(m.kind(), k -> new TreeMap<>()).merge(kind, 1, Integer::sum);
        }
      }
    } finally {
      replays.shutdownNow();
    }
    System.out.println(table(tally));
    assertTrue(problems.isEmpty(), problems.size() + " mutants went wrong:\n"
        + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    Map<String, Integer> total = new TreeMap<>();
    tally.values().forEach(row -> row.forEach((k, n) -> total.merge(k, n, Integer::sum)));
    for (String kind : List.of("refused", "REPRODUCED", "DIVERGED", "NO_FAILURE")) {
      assertTrue(total.getOrDefault(kind, 0) > 0, "no mutant ended " + kind + ": " + total);
    }
  }

  /** Explores {@code program} until its bug, writing its schedule file under {@code dir}. */
  private static Failure record(Program program, Path dir) {
    ExplorationResult result = Weft.exploreInterleavings(
        Options.builder().strategy(StrategyKind.RANDOM).seed(SEED).iterations(1_000)
            .testName(program.name()).outputDir(dir.resolve("found"))
            .detectRaces(program.races())
            // A spurious wakeup can hold a waiter out of the wait set when notify comes, leaving
            // no notify choice for the mutants to start from; the other programs keep it.
            .spuriousWakeups(!program.name().equals("notify"))
            // as found: a shrunk schedule may lose the notify choice the mutants should start from
            .shrink(false).build(),
        program.body());
    return result.failure().orElseThrow(() -> new AssertionError(result.summary()));
  }

  /**
   * Reads and replays one mutant; returns {@code refused} or the replay's status.
   *
   * @throws AssertionError when the answer is not one a user can act on
   */
  private static String replay(String source, Body body, Schedule original) {
    Schedule schedule;
    ReplayResult result;
    try {
      schedule = ScheduleFiles.read(source, WeftVersion.get());
      result = Replayer.replay(source, body, null);
    } catch (ScheduleException e) {
      String m = e.getMessage();
      // Values quoted from the file, such as a class name it lists, may be anything.
      if (m == null || m.isBlank() || looksRaw(m.replaceAll(" '[^']*'", "")) || m.contains("\n")) {
        throw new AssertionError("refused with a raw message: " + m);
      }
      return "refused";
    }
    String m = result.message();
    if (result.status() == null || m == null || m.isBlank()
        || looksRaw(recordedSummaryOut(m, schedule).replace(PROGRAM_ERROR, ""))) {
      throw new AssertionError("replayed to " + result.status() + ": " + m);
    }
    result.failure().ifPresent(f -> {
      if (f.error() != null && !(f.error() instanceof AssertionError)) {
        throw new AssertionError("the replay failed inside Weft: " + f.error(), f.error());
      }
    });
    boolean sameChoices =
        ChoiceCodec.decode(schedule.choices()).equals(ChoiceCodec.decode(original.choices()));
    if (result.status() == ReplayResult.Status.REPRODUCED && schedule.steps() != null
        && !sameChoices) {
      throw new AssertionError("other choices reproduced: " + schedule.choices());
    }
    if (result.status() == ReplayResult.Status.REPRODUCED && schedule.steps() != null
        && !Arrays.equals(StepLogCodec.decode(schedule.steps()).toArray(),
            StepLogCodec.decode(original.steps()).toArray())) {
      throw new AssertionError("an edited step log reproduced: " + schedule.steps());
    }
    return result.status().name();
  }

  /** The message without the recorded summary it quotes, which the mutant may have garbled. */
  private static String recordedSummaryOut(String m, Schedule schedule) {
    String summary = schedule.failureSummary();
    return summary == null || summary.isEmpty() ? m : m.replace(summary, "");
  }

  /** Whether {@code m} shows a raw exception: its class name, a "...Exception:", a stack frame. */
  private static boolean looksRaw(String m) {
    if (RAW.matcher(m).find()) return true;
    Matcher words = WORD.matcher(m); // word by word: a regex over \\w+Exception backtracks badly
    while (words.find()) {
      String w = words.group();
      if (w.endsWith("Exception") || w.endsWith("Error")) return true;
    }
    return false;
  }

  private static String write(Path file, Mutant m) throws java.io.IOException {
    Files.write(file, m.bytes());
    return file.toString();
  }

  private static String describe(Mutant m) {
    String text = m.text();
    return m.kind() + ": " + (text.length() > 2_000 ? text.substring(0, 2_000) + "..." : text);
  }

  private static String table(Map<String, Map<String, Integer>> tally) {
    List<String> columns = List.of("refused", "REPRODUCED", "DIVERGED", "NO_FAILURE", "PROBLEM");
    StringBuilder s = new StringBuilder(String.format("%-22s", "mutant kind"));
    columns.forEach(c -> s.append(String.format("%11s", c)));
    Map<String, Integer> total = new TreeMap<>();
    tally.forEach((kind, row) -> {
      s.append(String.format("%n%-22s", kind));
      for (String c : columns) {
        s.append(String.format("%11d", row.getOrDefault(c, 0)));
        total.merge(c, row.getOrDefault(c, 0), Integer::sum);
      }
    });
    s.append(String.format("%n%-22s", "all"));
    columns.forEach(c -> s.append(String.format("%11d", total.get(c))));
    return s.toString();
  }
}
