package dev.weft.agent.rules;

import dev.weft.scheduler.hooks.WeftHooks;
import org.objectweb.asm.Opcodes;

/**
 * What the rules share while one class is rewritten: its name and source file, the type
 * information, and what the rules did. One instance per class; used by one thread.
 */
final class RuleContext {
  private final String className;
  private final TypeInfo types;
  private final boolean retransform;
  private final boolean races;
  private String sourceFile;
  private int version;
  private boolean changed;
  private boolean partiallyControlled;
  private MethodRefBridges methodRefBridges;

  RuleContext(String className, TypeInfo types, boolean retransform, boolean races) {
    this.className = className;
    this.types = types;
    this.retransform = retransform;
    this.races = races;
  }

  /** Whether plain field and array accesses get hooks, for race detection. */
  boolean races() {
    return races;
  }

  /** Internal name of the class being rewritten. */
  String className() {
    return className;
  }

  TypeInfo types() {
    return types;
  }

  /** True when the class is already defined: its methods' modifiers cannot change. */
  boolean retransform() {
    return retransform;
  }

  void version(int version) {
    this.version = version;
  }

  /** Whether the class file may load a class literal with {@code ldc} (Java 5 and later). */
  boolean hasClassLiterals() {
    return hasClassLiterals(version);
  }

  static boolean hasClassLiterals(int classFileVersion) {
    return (classFileVersion & 0xFFFF) >= Opcodes.V1_5;
  }

  void sourceFile(String sourceFile) {
    this.sourceFile = sourceFile;
  }

  /**
   * Registers a site now, at transform time, so the bytecode carries only an int. A site in the
   * JDK has no line: lines differ between JDK releases, and a schedule replays on any of them.
   */
  int registerSite(String methodName, int line, String detail) {
    return WeftHooks.registerSite(className.replace('/', '.'), methodName, sourceFile,
        className.startsWith("java/") ? -1 : line, detail);
  }

  /** As {@link #registerSite}, for a site inside a JDK structure (one location per object). */
  int registerStructureSite(String methodName, String detail) {
    return WeftHooks.registerStructureSite(className.replace('/', '.'), methodName, sourceFile, -1,
        detail);
  }

  /** Where method references to concurrent methods get bridges; null when they cannot. */
  MethodRefBridges methodRefBridges() {
    return methodRefBridges;
  }

  void methodRefBridges(MethodRefBridges bridges) {
    this.methodRefBridges = bridges;
  }

  void markChanged() {
    changed = true;
  }

  boolean changed() {
    return changed;
  }

  /** Some synchronized method stays synchronized: the scheduler cannot see its monitor. */
  void markPartiallyControlled() {
    partiallyControlled = true;
  }

  boolean partiallyControlled() {
    return partiallyControlled;
  }
}
