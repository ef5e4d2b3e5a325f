package dev.weft.samples.agent;

import com.sun.tools.attach.VirtualMachine;
import java.util.Arrays;

/**
 * Run by AgentJarIT without {@code -javaagent}: attaches the agent (args[0]) to itself after
 * SyncCounter is loaded. The counter's synchronized methods stay synchronized and are reported;
 * everything still behaves as before.
 */
public final class AgentAttachSmoke {
  private AgentAttachSmoke() {}

  public static void main(String[] args) throws Exception {
    AgentSmoke.check("loaded first", SyncCounter.returnPaths().length == 5);
    VirtualMachine vm = VirtualMachine.attach(String.valueOf(ProcessHandle.current().pid()));
    try {
      vm.loadAgent(args[0]);
    } finally {
      vm.detach();
    }
    AgentSmoke.check("installed", "true".equals(System.getProperty("weft.agent.installed")));
    String partial = System.getProperty("weft.agent.partiallyControlled", "");
    AgentSmoke.check(
        "reported partially controlled",
        Arrays.asList(partial.split(",")).contains(SyncCounter.class.getName()));
    AgentSmoke.check(
        "kept synchronized", AgentSmoke.isSynchronized(SyncCounter.class, "increment"));
    AgentSmoke.check(
        "monitors exclude",
        Arrays.equals(
            SyncCounter.concurrentIncrements(4, 10_000), new int[] {40_000, 40_000, 40_000}));
    AgentSmoke.check(
        "loaded after attach", Arrays.equals(ThreadSample.startJoin(), new int[] {7, 1}));
    System.out.println("AGENT ATTACH OK");
  }
}
