package io.hcp360.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The CSV conventions of a source file.
 *
 * @param quote the quote character, or none
 * @param escape the escape character, or none
 * @param columns the column names when the file has no header line
 * @param nullValues values read as absent
 * @param timezone the zone of timestamps written without one
 * @param multiline whether a quoted value may span lines
 */
public record Dialect(
    char delimiter,
    Optional<Character> quote,
    Optional<Character> escape,
    Charset encoding,
    boolean header,
    List<String> columns,
    Set<String> nullValues,
    ZoneId timezone,
    boolean multiline) {

  public static final Dialect DEFAULT =
      new Dialect(
          ',',
          Optional.of('"'),
          Optional.empty(),
          StandardCharsets.UTF_8,
          true,
          List.of(),
          Set.of(""),
          ZoneOffset.UTC,
          true);

  public Dialect {
    Objects.requireNonNull(quote, "quote");
    Objects.requireNonNull(escape, "escape");
    Objects.requireNonNull(encoding, "encoding");
    columns = List.copyOf(columns);
    nullValues = Set.copyOf(nullValues);
    Objects.requireNonNull(timezone, "timezone");
  }

  /** Whether a row may span lines: only a quoted value can, where the dialect allows it. */
  public boolean rowsMaySpanLines() {
    return multiline && quote.isPresent();
  }
}
