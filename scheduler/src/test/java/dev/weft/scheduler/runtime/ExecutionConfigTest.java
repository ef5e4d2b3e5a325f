package dev.weft.scheduler.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExecutionConfigTest {
  @Test
  void boundsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new ExecutionConfig(0, 1, false, false));
    assertThrows(IllegalArgumentException.class, () -> new ExecutionConfig(1, 0, false, false));
    new ExecutionConfig(1, 1, true, true);
  }
}
