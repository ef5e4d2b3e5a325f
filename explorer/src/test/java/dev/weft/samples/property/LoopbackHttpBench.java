package dev.weft.samples.property;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Requests per second on loopback HTTP from one client thread, with the process's CPU time per
 * request: the figures of benchmarks.md that compare a JVM with Weft's agent to one without, on
 * threads outside any execution. Sends {@code GET /users/1} and {@code POST /users} alternately,
 * one after another, to {@link UserService} with a {@link UserService.ConcurrentStore}.
 *
 * <pre>
 * java -cp ... dev.weft.samples.property.LoopbackHttpBench REQUESTS ROUNDS
 * </pre>
 */
public final class LoopbackHttpBench {
  private LoopbackHttpBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: LoopbackHttpBench REQUESTS ROUNDS (e.g. 1000 5)");
      System.exit(2);
    }
    int requests = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<UserService.Request> pair = List.of(new UserService.Request("GET", "/1", ""),
        new UserService.Request("POST", "", "abc"));
    System.out.printf("agent %s, sun.net.httpserver.nodelay %s%n",
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .anyMatch(a -> a.startsWith("-javaagent:")) ? "loaded" : "not loaded",
        System.getProperty("sun.net.httpserver.nodelay", "unset (the service sets true)"));
    try (UserService service = UserService.start(new UserService.ConcurrentStore())) {
      for (int round = 1; round <= rounds; round++) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < requests / 2; i++) service.send(pair);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMillis = (os.getProcessCpuTime() - cpu) / 1e6;
        int sent = requests / 2 * 2;
        System.out.printf(Locale.ROOT, "round %d: %d requests in %.2f s, %.0f/s, %.2f ms CPU each%n",
            round, sent, seconds, sent / seconds, cpuMillis / sent);
      }
    }
  }
}
