package io.hcp360.ingest;

import java.util.List;

/** What reading a file yields: a parsed row, a line known already, or a row that could not be read. */
sealed interface SourceRow {
  /** The physical line where the row starts. */
  int line();

  /** A row whose values could be read, and its text as read. */
  record Parsed(int line, String raw, List<String> values) implements SourceRow {}

  /**
   * A line staged before exactly as it reads now ({@link CsvRowReader#skipKnown}): not parsed
   * (not even decoded, in a UTF-8 file), its staged row is kept.
   */
  record Known(int line) implements SourceRow {}

  /**
   * A row that could not be read, why, and its text as read (bytes that did not decode shown
   * as U+FFFD).
   */
  record Unreadable(int line, String raw, String reason) implements SourceRow {}
}
