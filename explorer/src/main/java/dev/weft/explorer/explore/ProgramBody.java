package dev.weft.explorer.explore;

import dev.weft.explorer.api.Body;

/**
 * A body that runs a program its own class cannot see, such as the command line's, which loads the
 * main class afresh for each execution. A schedule hashes the program's class files, found through
 * {@link #programClass()}'s class loader; for any other body, through the body's class. Internal:
 * public for the command line.
 */
public interface ProgramBody extends Body {
  /** The program's main class: it is hashed too, and its class loader finds the others. */
  Class<?> programClass();

  /**
   * Whether each run loads the program's classes afresh, so that their static initializers run in
   * every execution, and a wait for another thread's initializer can be explored and replayed.
   */
  default boolean loadsClassesAfresh() {
    return false;
  }
}
