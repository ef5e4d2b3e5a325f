package dev.weft.scheduler.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.hooks.WeftHooks;
import org.junit.jupiter.api.Test;

class SiteRegistryTest {
  @Test
  void registeredSitesAreFoundByIndexWithDottedClassNames() {
    int index = WeftHooks.registerSite("com/acme/Counter", "inc", "Counter.java", 12, "Counter.n");

    Site site = SiteRegistry.get(index);
    assertEquals(new Site("com.acme.Counter", "inc", "Counter.java", 12, "Counter.n"), site);
    assertEquals("Counter.java:12", site.location());
  }

  @Test
  void indicesAreDistinctAndSurviveGrowth() {
    int first = SiteRegistry.register("a.B", "m", "B.java", 1, null);
    int last = first;
    for (int i = 2; i <= 600; i++) {
      int next = SiteRegistry.register("a.B", "m", "B.java", i, null);
      assertTrue(next > last, "indices increase");
      last = next;
    }
    assertEquals(1, SiteRegistry.get(first).line());
    assertEquals(600, SiteRegistry.get(last).line());
  }

  @Test
  void unknownIndicesHaveNoSite() {
    assertNull(SiteRegistry.get(-1));
    assertNull(SiteRegistry.get(Integer.MAX_VALUE));
  }

  @Test
  void locationFallsBackWhenTheSourceIsUnknown() {
    assertEquals("Counter", new Site("com.acme.Counter", "m", null, -1, null).location());
    assertEquals("Counter:7", new Site("com.acme.Counter", "m", null, 7, null).location());
    assertEquals("Counter.java", new Site("com.acme.Counter", "m", "Counter.java", -1, null)
        .location());
  }

  @Test
  void sitesOfTheSameFieldShareADetailNumber() {
    int a = SiteRegistry.register("p/A", "m", "A.java", 1, "A.value");
    int b = SiteRegistry.register("p/A", "n", "A.java", 2, "A.value");
    int c = SiteRegistry.register("p/A", "m", "A.java", 3, "A.other");
    int none1 = SiteRegistry.register("p/A", "m", "A.java", 4, null);
    int none2 = SiteRegistry.register("p/A", "m", "A.java", 5, null);
    assertEquals(SiteRegistry.detailNumber(a), SiteRegistry.detailNumber(b));
    assertNotEquals(SiteRegistry.detailNumber(a), SiteRegistry.detailNumber(c));
    assertNotEquals(SiteRegistry.detailNumber(none1), SiteRegistry.detailNumber(none2));
    assertEquals(SiteRegistry.UNKNOWN_DETAIL, SiteRegistry.detailNumber(-1));
    assertTrue(SiteRegistry.detailNumber(a) > SiteRegistry.UNKNOWN_DETAIL);
  }
}
