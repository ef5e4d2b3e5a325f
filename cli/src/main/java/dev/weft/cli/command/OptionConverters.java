package dev.weft.cli.command;

import dev.weft.explorer.api.Options;
import dev.weft.explorer.api.StrategyKind;
import dev.weft.explorer.api.Timeouts;
import dev.weft.explorer.shard.Shard;
import java.time.Duration;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for the option values the explorer's {@link Options} would refuse, so that a bad
 * value is a usage error before any JVM starts. Their messages become picocli's one-line error,
 * e.g. {@code Invalid value for option '--iterations': must be at least 1, was 0}.
 */
final class OptionConverters {
  private OptionConverters() {}

  /** {@code 500ms}, {@code 60s}, {@code 2m}, {@code PT1M}; positive. */
  static final class PositiveDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration d;
      try {
        d = Options.parseDuration(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
      if (d.isNegative() || d.isZero()) {
        throw new TypeConversionException("must be positive, was " + value);
      }
      return d;
    }
  }

  /** {@code K/N}: the K-th of N shards. */
  static final class ShardSpec implements ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
      try {
        return Shard.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A whole number of at least 1. */
  static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return atLeast(1, value);
    }
  }

  /** A whole number of at least 0. */
  static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return atLeast(0, value);
    }
  }

  private static int atLeast(int min, String value) {
    int n;
    try {
      n = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
    if (n < min) throw new TypeConversionException("must be at least " + min + ", was " + n);
    return n;
  }

  /** A field, {@code com.acme.Counter.hits}, as {@link Options.Builder#benignRace} takes it. */
  static final class FieldName implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        Options.builder().benignRace(value).build();
        return value.strip();
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A test method as {@code CLASS#METHOD}: a class name, '#', a method name. */
  static final class TestMethod implements ITypeConverter<String> {
    private static final Pattern FORM = Pattern.compile(
        "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*"
            + "#[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");

    @Override
    public String convert(String value) {
      if (!FORM.matcher(value).matches()) {
        throw new TypeConversionException("'" + value + "' is not CLASS#METHOD, e.g."
            + " com.acme.BankTest#transfers");
      }
      return value;
    }
  }

  /** A timeout model by its command-line name: {@code anytime} or {@code when-blocked}. */
  static final class TimeoutModel implements ITypeConverter<Timeouts> {
    @Override
    public Timeouts convert(String value) {
      try {
        return Timeouts.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A strategy by its command-line name. */
  static final class Strategy implements ITypeConverter<StrategyKind> {
    @Override
    public StrategyKind convert(String value) {
      try {
        return StrategyKind.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
