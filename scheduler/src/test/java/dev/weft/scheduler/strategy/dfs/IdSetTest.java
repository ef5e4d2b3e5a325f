package dev.weft.scheduler.strategy.dfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link IdSet} against {@link BitSet}, on ids on both sides of the 64 a single word holds. */
class IdSetTest {
  private static List<Integer> ids(IdSet s) {
    List<Integer> ids = new ArrayList<>();
    for (int id = s.first(); id >= 0; id = s.next(id + 1)) ids.add(id);
    return ids;
  }

  private static List<Integer> ids(BitSet s) {
    return s.stream().boxed().toList();
  }

  private static void assertSame(BitSet expected, IdSet actual) {
    assertEquals(ids(expected), ids(actual));
    assertEquals(expected.cardinality(), actual.size());
    assertEquals(expected.isEmpty(), actual.isEmpty());
    for (int id = 0; id < 300; id++) assertEquals(expected.get(id), actual.contains(id), "" + id);
  }

  @Test
  void behavesAsABitSetAcrossWords() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      BitSet a = new BitSet();
      BitSet b = new BitSet();
      IdSet x = new IdSet();
      IdSet y = new IdSet();
      int limit = round % 2 == 0 ? 64 : 260; // one word only, or spilling over
      for (int i = 0; i < 20; i++) {
        int p = random.nextInt(limit);
        int q = random.nextInt(limit);
        a.set(p);
        x.add(p);
        b.set(q);
        y.add(q);
      }
      assertSame(a, x);
      assertEquals(a.intersects(b), x.intersects(y));
      BitSet union = (BitSet) a.clone();
      union.or(b);
      IdSet xy = x.copy();
      xy.addAll(y);
      assertSame(union, xy);
      assertSame(a, x); // copy() made the union its own set
      BitSet difference = (BitSet) a.clone();
      difference.andNot(b);
      IdSet xMinusY = x.copy();
      xMinusY.removeAll(y);
      assertSame(difference, xMinusY);
      BitSet common = (BitSet) a.clone();
      common.and(b);
      IdSet xAndY = x.copy();
      xAndY.retainAll(y);
      assertSame(common, xAndY);
      int gone = a.nextSetBit(0);
      a.clear(gone);
      x.remove(gone);
      assertSame(a, x);
    }
  }

  @Test
  void equalSetsAreEqualWhateverTheirCapacity() {
    IdSet grown = IdSet.of(200);
    grown.remove(200);
    grown.add(3);
    assertEquals(IdSet.of(3), grown);
    assertEquals(IdSet.of(3).hashCode(), grown.hashCode());
    assertNotEquals(IdSet.of(3), IdSet.of(67));
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), ids(IdSet.range(10)));
    assertEquals(130, IdSet.range(130).size());
    assertFalse(IdSet.range(130).contains(130));
    assertTrue(IdSet.range(130).contains(129));
    assertEquals(-1, new IdSet().first());
    assertEquals("{2, 100}", toStringOf(2, 100));
  }

  private static String toStringOf(int... ids) {
    IdSet s = new IdSet();
    for (int id : ids) s.add(id);
    return s.toString();
  }
}
