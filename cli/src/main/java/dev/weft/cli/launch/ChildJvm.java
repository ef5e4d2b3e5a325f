package dev.weft.cli.launch;

import dev.weft.cli.child.ChildMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link ChildMain} in a new JVM and waits for it:
 *
 * <pre>
 *   $JAVA_HOME/bin/java -javaagent:weft-agent.jar -ea -Xshare:off -XX:TLABSize=16k \
 *       JVM_ARGS... -Dweft.*=... \
 *       -cp $WEFT_CLASS_PATH \
 *       dev.weft.cli.child.ChildMain ARGS...
 * </pre>
 *
 * The java is the running one (so tests on JDK 25 explore on JDK 25) and the class path is Weft's
 * own: weft.jar, or the module's class path in tests. The agent must be given at start-up, before
 * any class of the scheduler is loaded, which is why exploration never runs in the launching JVM.
 *
 * <p>Internal: public for the commands only.
 */
public final class ChildJvm {
  private final PrintStream out;
  private final PrintStream err;

  /**
   * @param out where the child's standard output goes: inherited when it is {@link System#out},
   *     else copied
   * @param err the same for standard error and {@link System#err}
   */
  public ChildJvm(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * Runs the child to its end.
   *
   * @param jvmArgs the user's options for the child JVM ({@code --jvm-arg}); they come before the
   *     {@code properties}, so that a {@code -Dweft.*} among them never overrides a command's
   *     option
   * @param properties system properties for the child, e.g. {@code weft.iterations}
   * @param args the arguments of {@link ChildMain}
   * @return the child's exit code
   * @throws LaunchException when the JVM cannot be started
   */
  public int run(List<String> jvmArgs, Map<String, String> properties, String... args) {
    ProcessBuilder builder = new ProcessBuilder(command(jvmArgs, properties, args))
        .redirectInput(ProcessBuilder.Redirect.INHERIT);
    boolean inherit = out == System.out && err == System.err;
    if (inherit) builder.inheritIO();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new LaunchException("cannot start " + builder.command().get(0) + " (" + e.getMessage()
          + "); check that the JDK running weft is complete", e);
    }
    Thread errCopy = null;
    if (!inherit) {
      errCopy = new Thread(() -> copy(process.getErrorStream(), err), "weft-child-stderr");
      errCopy.start();
      copy(process.getInputStream(), out);
    }
    try {
      int code = process.waitFor();
      if (errCopy != null) errCopy.join();
      return code;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new LaunchException("interrupted while waiting for the child JVM; it was stopped", e);
    }
  }

  /**
   * The first allocation buffer of each new thread. Every execution starts fresh threads that each
   * allocate a few kilobytes and end; HotSpot sizes a new thread's buffer from the young generation
   * and the number of threads, often to hundreds of kilobytes, and what a thread leaves of it when
   * it ends is lost until the next collection. With a 2-thread program that was about 2 MB per
   * execution, and a young collection every 50 to 100 executions, each of which also walks every
   * program class loader not yet unloaded (docs/benchmarks.md). A thread that allocates more takes
   * further buffers, and HotSpot still resizes them at each collection: only speed changes. The
   * user's {@code --jvm-arg} comes after it, so the user's own {@code -XX:TLABSize} wins.
   */
  static final String THREAD_ALLOCATION_BUFFER = "-XX:TLABSize=16k";

  static List<String> command(List<String> jvmArgs, Map<String, String> properties,
      String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + AgentJar.path());
    command.add("-ea");
    // The agent appends the scheduler to the boot class path, which turns class data sharing off
    // for all but boot classes and makes the JVM warn on stderr; turn it off quietly instead.
    command.add("-Xshare:off");
    command.add(THREAD_ALLOCATION_BUFFER);
    command.addAll(jvmArgs);
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ChildMain.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static void copy(InputStream from, OutputStream to) {
    try (from) {
      from.transferTo(to);
      to.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("copying the child JVM's output", e);
    }
  }
}
