package dev.weft.samples.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.junit.ExplorationDefaults;
import dev.weft.explorer.junit.InterleavingTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInfo;

/**
 * Run only by {@code InterleavingExtensionTest} through the JUnit launcher (its name is not a test
 * class name to Surefire): one test with a lost update, correct ones, and one that holds only when
 * each execution has a fresh instance. In a package the agent instruments, as a user's would be.
 */
@ExplorationDefaults(strategy = StrategyKind.DFS, iterations = 2_000)
public class CounterSample {
  private volatile int count;
  private final AtomicInteger atomic = new AtomicInteger();
  private final List<String> setUps = new ArrayList<>();

  @BeforeEach
  void setUp() {
    setUps.add("set up");
  }

  @InterleavingTest
  void lostUpdate() throws InterruptedException {
    Thread t = new Thread(() -> count = count + 1);
    t.start();
    count = count + 1;
    t.join();
    assertEquals(2, count, "lost update");
  }

  @InterleavingTest(strategy = StrategyKind.RANDOM, iterations = 300)
  void atomicIncrement() throws InterruptedException {
    Thread t = new Thread(atomic::incrementAndGet);
    t.start();
    atomic.incrementAndGet();
    t.join();
    assertEquals(2, atomic.get());
  }

  /** Fails from the second execution on if executions share an instance. */
  @InterleavingTest
  void freshInstanceEachExecution() throws InterruptedException {
    Thread t = new Thread(atomic::incrementAndGet);
    t.start();
    t.join();
    assertEquals(List.of("set up"), setUps);
    assertEquals(1, atomic.get());
  }

  /** JUnit could supply the parameter; inside an execution Weft cannot. */
  @InterleavingTest
  void takesAParameter(TestInfo info) {
    assertEquals("never", info.getDisplayName());
  }

  /** A nested class's executions get fresh instances of it, built on JUnit's outer instance. */
  @Nested
  public class Inner {
    private final List<String> innerSetUps = new ArrayList<>();

    @BeforeEach
    void setUpInner() {
      innerSetUps.add("inner");
    }

    @InterleavingTest
    void freshInnerInstance() throws InterruptedException {
      Thread t = new Thread(atomic::incrementAndGet);
      t.start();
      t.join();
      assertEquals(List.of("inner"), innerSetUps);
    }
  }
}
