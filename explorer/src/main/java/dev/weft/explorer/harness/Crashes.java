package dev.weft.explorer.harness;

import dev.weft.explorer.threads.HarnessField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The crashes that {@link Chaos#injectCrash} armed in one run and no action has taken yet. Shared
 * between the chaos and the scripts through a {@link HarnessField}, so that a controlled run explores
 * whether an action runs before or after the crash is armed.
 */
final class Crashes {
  /** One armed crash: the next run of {@code action} throws what {@code crash} supplies. */
  private record Armed(String action, Supplier<? extends RuntimeException> crash) {}

  private final HarnessField<List<Armed>> armed = Sites.ARMED.field(List.of());

  void arm(String action, Supplier<? extends RuntimeException> crash) {
    Armed a = new Armed(action, crash);
    armed.getAndUpdate(list -> {
      List<Armed> more = new ArrayList<>(list);
      more.add(a);
      return List.copyOf(more);
    });
  }

  /** The crash armed for {@code action}, taken so that it strikes once; null when none is. */
  RuntimeException take(String action) {
    Armed mine = armed.get().stream().filter(a -> a.action().equals(action)).findFirst()
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
