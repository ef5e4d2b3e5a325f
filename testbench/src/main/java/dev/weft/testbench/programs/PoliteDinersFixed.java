package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/**
 * {@link PoliteDiners}' twin: politeness with a tie-break. A diner gives way only to a hungry diner
 * with a lower id, so when both are hungry diner 0 eats; then diner 1 finds diner 0 no longer
 * hungry and eats too.
 */
@Expect(bug = false)
public final class PoliteDinersFixed {
  public static void main(String[] args) throws InterruptedException {
    PoliteDiners.dine((me, other) -> other.id < me.id);
  }
}
