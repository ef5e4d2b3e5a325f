package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link SlotOverwrite} with each claim's check and write under the table's lock. */
@Expect(bug = false)
public final class SlotOverwriteFixed {
  private final int[] slots = new int[2]; // elements guarded by this

  private synchronized void claim(int mark) {
    int free = slots[0] == 0 ? 0 : 1;
    slots[free] = mark;
  }

  public static void main(String[] args) throws InterruptedException {
    SlotOverwriteFixed table = new SlotOverwriteFixed();
    Threads.runConcurrently(() -> table.claim(1), () -> table.claim(2));
    assert table.slots[0] + table.slots[1] == 3
        : "a claim was overwritten: slots are " + table.slots[0] + ", " + table.slots[1];
  }
}
