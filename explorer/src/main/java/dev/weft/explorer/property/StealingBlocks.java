package dev.weft.explorer.property;

import java.util.function.IntSupplier;

/**
 * The blocks of {@link WorkDistribution#WORK_STEALING}: one per worker, taken from the front by its
 * owner; an idle worker steals the upper half of the block with the most left. One lock guards all
 * blocks: a test runs a property, which costs far more than taking an index.
 */
final class StealingBlocks {
  private final int[] next;
  private final int[] end;

  StealingBlocks(int from, int to, int workers) {
    next = new int[workers];
    end = new int[workers];
    long len = to - from;
    for (int w = 0; w < workers; w++) {
      next[w] = from + (int) (len * w / workers);
      end[w] = from + (int) (len * (w + 1) / workers);
    }
  }

  IntSupplier[] sources() {
    IntSupplier[] s = new IntSupplier[next.length];
    for (int w = 0; w < next.length; w++) {
      int worker = w;
      s[w] = () -> take(worker);
    }
    return s;
  }

  private synchronized int take(int w) {
    if (next[w] >= end[w]) steal(w);
    return next[w] < end[w] ? next[w]++ : -1;
  }

  private void steal(int thief) {
    int victim = -1;
    for (int v = 0; v < next.length; v++) {
      if (victim < 0 || end[v] - next[v] > end[victim] - next[victim]) victim = v;
    }
    int left = end[victim] - next[victim];
    if (left < 2) {
      if (left == 1) { // the last one: take it whole
        next[thief] = next[victim]++;
        end[thief] = next[thief] + 1;
      }
      return;
    }
    int mid = next[victim] + left / 2;
    next[thief] = mid;
    end[thief] = end[victim];
    end[victim] = mid;
  }
}
