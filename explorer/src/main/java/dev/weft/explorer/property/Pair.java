package dev.weft.explorer.property;

/**
 * Two values, as {@link Gen#zip(Gen, Gen)} makes them. For more, or for named fields, zip into your
 * own record with {@link Gen#zip(Gen, Gen, java.util.function.BiFunction)}.
 *
 * <p>Public API since 0.2.
 *
 * @param first the first value
 * @param second the second value
 */
public record Pair<A, B>(A first, B second) {}
