package io.hcp360.ingest;

import io.hcp360.config.FieldMapping;
import io.hcp360.config.Temporals;
import io.hcp360.config.ValueType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.time.temporal.TemporalQuery;

/** Turns a mapped text value into its stored form: ISO dates and timestamps, whole numbers. */
final class ValueConverter {
  /** The types a timestamp may parse to, best first. */
  private static final java.util.List<TemporalQuery<? extends TemporalAccessor>> BEST =
      java.util.List.of(ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from,
          LocalDate::from);

  private ValueConverter() {}

  static String convert(FieldMapping field, String value, ZoneId zone) throws RowRejected {
    ValueType type = field.type();
    return switch (type) {
      case TEXT, NAME -> value;
      case INTEGER -> integer(field, value);
      case DATE, TIMESTAMP -> temporal(field, value, zone);
    };
  }

  private static String integer(FieldMapping field, String value) throws RowRejected {
    try {
      return Long.toString(Long.parseLong(value.replace(",", "")));
    } catch (NumberFormatException e) {
      throw new RowRejected(field.name() + ": '" + value + "' is not a whole number");
    }
  }

  private static String temporal(FieldMapping field, String value, ZoneId zone)
      throws RowRejected {
    DateTimeFormatter formatter = field.format().orElse(Temporals.ISO);
    TemporalAccessor parsed;
    try {
      parsed = parseBest(formatter, value);
    } catch (DateTimeParseException e) {
      throw new RowRejected(field.name() + ": date '" + value + "' does not parse with format '"
          + field.pattern().orElse("ISO-8601") + "'");
    }
    if (field.type() == ValueType.DATE) {
      return LocalDate.from(parsed).toString();
    }
    OffsetDateTime timestamp = switch (parsed) {
      case ZonedDateTime z -> z.toOffsetDateTime();
      case OffsetDateTime o -> o;
      case LocalDateTime l -> l.atZone(zone).toOffsetDateTime();
      case LocalDate d -> d.atStartOfDay(zone).toOffsetDateTime();
      default -> throw new IllegalStateException(parsed.getClass().getName());
    };
    return timestamp.toString();
  }

  /**
   * What {@code formatter.parseBest(value, ZonedDateTime::from, OffsetDateTime::from,
   * LocalDateTime::from, LocalDate::from)} returns, without its cost on the usual text without a
   * zone: there the zoned queries cannot succeed, and each failure would throw; and with the
   * text parsed once (parseBest asks its queries of the same parse, in order).
   */
  private static TemporalAccessor parseBest(DateTimeFormatter formatter, String value) {
    TemporalAccessor parsed = formatter.parse(value);
    if (parsed.query(TemporalQueries.zone()) != null) {
      for (TemporalQuery<? extends TemporalAccessor> query : BEST) {
        try {
          return parsed.query(query);
        } catch (RuntimeException e) {
          // not this type: the next one
        }
      }
      throw new DateTimeParseException("no date in the text", value, 0);
    }
    if (parsed.query(TemporalQueries.localDate()) == null) {
      throw new DateTimeParseException("no date in the text", value, 0);
    }
    return parsed.query(TemporalQueries.localTime()) != null
        ? LocalDateTime.from(parsed) : LocalDate.from(parsed);
  }
}
