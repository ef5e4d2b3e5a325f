package dev.weft.testbench.corpus;

import dev.weft.testbench.programs.AbBaDeadlock;
import dev.weft.testbench.programs.AbBaFixed;
import dev.weft.testbench.programs.CheckThenAct;
import dev.weft.testbench.programs.CheckThenActFixed;
import dev.weft.testbench.programs.LostUpdate;
import dev.weft.testbench.programs.LostUpdateFixed;
import dev.weft.testbench.programs.MissedNotification;
import dev.weft.testbench.programs.MissedNotificationFixed;
import dev.weft.testbench.programs.ReadAfterJoin;
import dev.weft.testbench.programs.ReadBeforeJoin;
import java.util.List;

/**
 * The registry of corpus programs. The tests derive their cases from it, so registering a program
 * here is what puts it under test; a test checks that every program class of {@code
 * dev.weft.testbench.programs} is registered.
 */
public final class Corpus {
  private static final List<Program> PROGRAMS =
      List.of(
              LostUpdate.class, LostUpdateFixed.class,
              CheckThenAct.class, CheckThenActFixed.class,
              AbBaDeadlock.class, AbBaFixed.class,
              MissedNotification.class, MissedNotificationFixed.class,
              ReadBeforeJoin.class, ReadAfterJoin.class)
          .stream()
          .map(Program::of)
          .toList();

  private Corpus() {}

  /** Every registered program, in registration order. */
  public static List<Program> programs() {
    return PROGRAMS;
  }

  /** The programs declared to have a bug. */
  public static List<Program> buggy() {
    return PROGRAMS.stream().filter(Program::buggy).toList();
  }

  /** The programs declared correct. */
  public static List<Program> correct() {
    return PROGRAMS.stream().filter(p -> !p.buggy()).toList();
  }
}
