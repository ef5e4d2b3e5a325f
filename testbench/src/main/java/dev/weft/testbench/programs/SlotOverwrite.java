package dev.weft.testbench.programs;

import dev.weft.explorer.api.FailureKind;
import dev.weft.testbench.corpus.Expect;

/**
 * Two threads each claim the first free slot of a plain array: check that a slot is empty, then
 * write their mark there. When both check before either writes, both take slot 0 and one mark is
 * lost. The bug lies wholly in the order of plain array accesses.
 */
@Expect(bug = true, kind = FailureKind.EXCEPTION)
public final class SlotOverwrite {
  private final int[] slots = new int[2];

  private void claim(int mark) {
    int free = slots[0] == 0 ? 0 : 1;
    slots[free] = mark;
  }

  public static void main(String[] args) throws InterruptedException {
    SlotOverwrite table = new SlotOverwrite();
    Threads.runConcurrently(() -> table.claim(1), () -> table.claim(2));
    assert table.slots[0] + table.slots[1] == 3
        : "a claim was overwritten: slots are " + table.slots[0] + ", " + table.slots[1];
  }
}
