package dev.weft.testbench.programs;

import dev.weft.testbench.corpus.Expect;

/** {@link UseBeforeInit}'s twin: the configuration is stored before the flag is raised. */
@Expect(bug = false)
public final class UseBeforeInitFixed {
  static final class OrderedServer extends UseBeforeInit.Server {
    @Override
    void start() {
      config = new UseBeforeInit.Config(UseBeforeInit.PORT);
      ready = true;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    UseBeforeInit.startAndServe(new OrderedServer());
  }
}
