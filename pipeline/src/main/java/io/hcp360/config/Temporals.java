package io.hcp360.config;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;

/** Date and timestamp patterns as stewards write them, made strict (31/02 does not parse). */
public final class Temporals {
  /** ISO-8601 dates, with an optional time and an optional offset. */
  public static final DateTimeFormatter ISO =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalEnd()
          .optionalStart()
          .appendOffsetId()
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private Temporals() {}

  /**
   * A strict formatter for a {@code java.time} pattern. Strict resolving needs the proleptic
   * year ({@code u}) rather than the year of era ({@code y}), so unquoted y becomes u.
   *
   * @throws IllegalArgumentException if the pattern is not valid
   */
  public static DateTimeFormatter strict(String pattern) {
    StringBuilder converted = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      }
      converted.append(!quoted && c == 'y' ? 'u' : c);
    }
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(converted.toString())
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }
}
