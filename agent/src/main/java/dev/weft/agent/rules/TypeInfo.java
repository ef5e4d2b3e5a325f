package dev.weft.agent.rules;

/**
 * What the rules need to know about classes other than the one being rewritten. Answers come from
 * reading class files, never from loading classes: a transformer that loads classes can deadlock or
 * observe half-defined types.
 */
public interface TypeInfo {

  /**
   * Whether the class {@code type} is {@code superType} or extends it (internal names). False when
   * some class on the way cannot be read.
   */
  boolean isSubclassOf(String type, String superType);

  /**
   * The field that {@code owner.name:descriptor} resolves to, following JVMS §5.4.3.2 (the class,
   * then its superinterfaces, then its superclass), or null when it cannot be found.
   */
  ResolvedField resolveField(String owner, String name, String descriptor);

  /**
   * Whether initializing {@code type} may run a static initializer that the agent rewrites: one of
   * {@code type}, its superclasses or its superinterfaces declares {@code <clinit>}, the JDK's
   * aside. True when some class on the way cannot be read.
   */
  boolean mayRunStaticInitializer(String type);

  /**
   * A resolved field.
   *
   * @param declaringClass internal name of the class that declares the field
   * @param access the field's access flags
   */
  record ResolvedField(String declaringClass, int access) {}
}
