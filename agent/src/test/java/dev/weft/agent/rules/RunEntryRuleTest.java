package dev.weft.agent.rules;

import static dev.weft.agent.testing.Bytecode.count;
import static dev.weft.agent.testing.Bytecode.listing;
import static dev.weft.agent.testing.Bytecode.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.agent.testing.InstrumentingLoader;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.tree.MethodNode;

class RunEntryRuleTest {
  private final InstrumentingLoader loader = new InstrumentingLoader();

  @Test
  void instanceRunStartsWithTheHookAndStaticRunDoesNot() throws Throwable {
    for (MethodNode m : tree(loader.rewritten("Task")).methods) {
      if (m.name.equals("run") && m.desc.equals("()V")) {
        assertEquals("hook:threadRunEntered", listing(m).get(0));
      } else {
        assertEquals(0, count(m, "hook:threadRunEntered"), m.name + m.desc);
      }
    }
    loader.call("Task", "run", 3);
  }

  @Test
  void threadSubclassRunStartsWithTheHook() {
    for (MethodNode m : tree(loader.rewritten("WorkerThread")).methods) {
      if (m.name.equals("run")) assertEquals("hook:threadRunEntered", listing(m).get(0));
    }
  }
}
