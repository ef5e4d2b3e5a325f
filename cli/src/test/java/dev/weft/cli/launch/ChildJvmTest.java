package dev.weft.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The child JVM's command line: Weft's options, then the user's, then Weft's properties. */
class ChildJvmTest {
  @Test
  void newThreadsStartWithSmallAllocationBuffersUnlessTheUserSaysOtherwise() {
    List<String> command = ChildJvm.command(List.of("-XX:TLABSize=0", "-Xmx1g"),
        Map.of("weft.iterations", "5"), "run");
    int ours = command.indexOf(ChildJvm.THREAD_ALLOCATION_BUFFER);
    int users = command.indexOf("-XX:TLABSize=0");
    assertTrue(ours > 0, "the child starts with " + ChildJvm.THREAD_ALLOCATION_BUFFER + ": "
        + command);
    // HotSpot takes the last of two values of one flag: the user's must come after Weft's.
    assertTrue(users > ours, "the user's -XX:TLABSize comes after Weft's: " + command);
    assertEquals(users + 1, command.indexOf("-Xmx1g"));
    assertTrue(command.indexOf("-Dweft.iterations=5") > users, "Weft's properties come last");
  }
}
