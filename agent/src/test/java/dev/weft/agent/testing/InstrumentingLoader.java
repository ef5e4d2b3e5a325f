package dev.weft.agent.testing;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.weft.agent.AgentConfig;
import dev.weft.agent.transform.WeftTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fresh, child-first loader for the sample classes that runs them through {@link WeftTransformer}
 * as the agent would, checks every rewritten class with {@link Bytecode#check}, and keeps what the
 * transformer returned for inspection.
 */
public final class InstrumentingLoader extends ClassLoader {
  /** Far above what any sample takes: a limit only a hang reaches. */
  public static final Duration HANG_GUARD = Duration.ofMinutes(5);

  public static final String SAMPLES = "dev.weft.samples.agent.";

  private final WeftTransformer transformer;
  private final Map<String, byte[]> generated;
  private final Map<String, byte[]> rewritten = new HashMap<>();

  public InstrumentingLoader() {
    this(defaultTransformer(), Map.of());
  }

  /** A loader for one class a test generated with ASM, rewritten by the default transformer. */
  public static InstrumentingLoader forGenerated(String binaryName, byte[] classFile) {
    return new InstrumentingLoader(defaultTransformer(), Map.of(binaryName, classFile));
  }

  /** A loader whose transformer also instruments plain accesses, as the agent's "races" does. */
  public static InstrumentingLoader withRaces() {
    return new InstrumentingLoader(
        new WeftTransformer(new AgentConfig(List.of(), List.of(), true), module -> {}), Map.of());
  }

  private static WeftTransformer defaultTransformer() {
    return new WeftTransformer(new AgentConfig(List.of(), List.of()), module -> {});
  }

  /**
   * @param generated class files made by a test, by binary name, defined (after rewriting) as if
   *     they were samples
   */
  public InstrumentingLoader(WeftTransformer transformer, Map<String, byte[]> generated) {
    super(InstrumentingLoader.class.getClassLoader());
    this.transformer = transformer;
    this.generated = generated;
  }

  /** What the transformer returned for this sample (loading it first), null when untouched. */
  public byte[] rewritten(String simpleName) {
    load(simpleName);
    synchronized (rewritten) {
      return rewritten.get(SAMPLES + simpleName);
    }
  }

  public Class<?> load(String simpleName) {
    try {
      return loadClass(SAMPLES + simpleName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Calls the public static method {@code method} of sample {@code simpleName}, under a hang guard:
   * a sample ends in well under a second, so only a hang (a rewritten monitor that no longer
   * excludes or releases, say) reaches {@link #HANG_GUARD}, however busy the machine. The call
   * runs on the guard's own thread.
   */
  public Object call(String simpleName, String method, Object... args) throws Throwable {
    return callHolding(new Object(), simpleName, method, args);
  }

  /** {@link #call}, inside {@code synchronized (monitor)} on the thread that runs it. */
  public Object callHolding(Object monitor, String simpleName, String method, Object... args)
      throws Throwable {
    for (Method m : load(simpleName).getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        try {
          return assertTimeoutPreemptively(HANG_GUARD, () -> {
            synchronized (monitor) {
              return m.invoke(null, args);
            }
          }, () -> "hang guard: " + simpleName + "." + method + " did not end in "
              + HANG_GUARD.toMinutes() + " minutes");
        } catch (Throwable e) { // rethrown as it came, by the guard's thread
          throw e instanceof InvocationTargetException ? e.getCause() : e;
        }
      }
    }
    throw new AssertionError("no method " + method + " in " + simpleName);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(SAMPLES)) return super.loadClass(name, resolve);
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) c = defineRewritten(name);
      if (resolve) resolveClass(c);
      return c;
    }
  }

  private Class<?> defineRewritten(String name) throws ClassNotFoundException {
    byte[] original = generated.containsKey(name) ? generated.get(name) : resource(name);
    byte[] result = transformer.transform(null, this, name.replace('.', '/'), null, null, original);
    synchronized (rewritten) {
      rewritten.put(name, result);
    }
    byte[] bytes = result != null ? result : original;
    Class<?> c = defineClass(name, bytes, 0, bytes.length);
    // After defineClass: the ASM verifier may ask this loader for the class itself.
    if (result != null) Bytecode.check(result, this);
    return c;
  }

  private byte[] resource(String name) throws ClassNotFoundException {
    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
      if (in == null) throw new ClassNotFoundException(name);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
