package dev.weft.explorer.harness;

import dev.weft.explorer.threads.HarnessField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The crashes that {@link Chaos#injectCrash} armed in one run and nothing has taken yet. Shared
 * between the chaos and the scripts through a {@link HarnessField}, so that a controlled run explores
 * whether an action (or a {@link CrashPoint}) is reached before or after the crash is armed. A
 * crash is armed at a site: an action's name (a {@code String}) or a {@link CrashPoint}, which never
 * equal each other, so a point and an action of the same name are armed apart.
 */
final class Crashes {
  /** One armed crash: the next to reach {@code site} throws what {@code crash} supplies. */
  private record Armed(Object site, Supplier<? extends RuntimeException> crash) {}

  private final HarnessField<List<Armed>> armed = Sites.ARMED.field(List.of());

  void arm(Object site, Supplier<? extends RuntimeException> crash) {
    Armed a = new Armed(site, crash);
    armed.getAndUpdate(list -> {
      List<Armed> more = new ArrayList<>(list);
      more.add(a);
      return List.copyOf(more);
    });
  }

  /** The crash armed at {@code site}, taken so that it strikes once; null when none is. */
  RuntimeException take(Object site) {
    Armed mine = armed.get().stream().filter(a -> a.site().equals(site)).findFirst()
        .orElse(null);
    if (mine == null) return null;
    List<Armed> before = armed.getAndUpdate(list -> list.stream().filter(a -> a != mine).toList());
    // Another thread may have taken it between the read and the update.
    return before.contains(mine) ? mine.crash().get() : null;
  }

  /** Created at first use, once the agent has put the scheduler on the boot path. */
  private static final class Sites {
    static final HarnessField.Sites ARMED =
        new HarnessField.Sites("dev.weft.explorer.harness.Chaos", "armedCrashes");
  }
}
