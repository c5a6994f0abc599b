package io.hcp360.config;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one canonical field (or extra attribute) is filled from a source row.
 *
 * @param name the canonical field's or the extra attribute's name
 * @param format the pattern of a date or timestamp; absent means ISO-8601
 * @param pattern the pattern as written, for messages
 * @param nameFormat how a full name is written (full_name only)
 * @param codes a code list applied after trimming
 * @param line the line of the job file where the mapping is written
 */
public record FieldMapping(
    String name,
    ValueType type,
    ValueSource source,
    Optional<DateTimeFormatter> format,
    Optional<String> pattern,
    Optional<NameFormat> nameFormat,
    Map<String, String> codes,
    Unmapped unmapped,
    Optional<String> defaultValue,
    int line) {

  public FieldMapping {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(nameFormat, "nameFormat");
    codes = Map.copyOf(codes);
    Objects.requireNonNull(unmapped, "unmapped");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
