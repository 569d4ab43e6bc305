package io.stormwatch.cli.options;

import io.stormwatch.traffic.replay.EventTimeRange;
import java.time.Instant;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code --from} and {@code --to}: the event times a command keeps. */
public final class EventTimeRangeOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      converter = InstantConverter.class,
      description =
          "Keep records whose event time is at or after TIME (2026-03-03T06:00:00Z, or a date"
              + " meaning its midnight UTC).")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "TIME",
      converter = InstantConverter.class,
      description = "Keep records whose event time is before TIME.")
  Instant to;

  /**
   * The range given.
   *
   * @throws ParameterException (exit code 2) if --to is not after --from
   */
  public EventTimeRange range() {
    try {
      return new EventTimeRange(from, to);
    } catch (IllegalArgumentException empty) {
      throw new ParameterException(spec.commandLine(), empty.getMessage(), empty);
    }
  }

  /** Reads an instant or a date on the command line. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return EventTimeRange.parseInstant(value);
      } catch (IllegalArgumentException notATime) {
        throw new TypeConversionException(notATime.getMessage());
      }
    }
  }
}
