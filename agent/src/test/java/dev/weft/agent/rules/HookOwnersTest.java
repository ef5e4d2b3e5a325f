package dev.weft.agent.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.scheduler.hooks.WeftHooks;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

/** A hook's class, found by the hook's name, for every hook of every class of hooks. */
class HookOwnersTest {
  @Test
  void everyPublicStaticMethodOfAHookClassIsFoundInItsClass() {
    int hooks = 0;
    for (Class<?> owner : WeftHooks.CLASSES) {
      assertTrue(HookOwners.isHookClass(Type.getInternalName(owner)), owner.getName());
      for (Method m : owner.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())) continue;
        assertEquals(Type.getInternalName(owner), HookOwners.of(m.getName()), m.getName());
        hooks++;
      }
    }
    assertTrue(hooks > 80, hooks + " hooks");
  }

  @Test
  void anUnknownHookOrClassIsNone() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HookOwners.of("noSuchHook"));
    assertEquals("no hook named noSuchHook", e.getMessage());
    assertFalse(HookOwners.isHookClass("dev/weft/scheduler/runtime/Execution"));
  }
}
