package io.hcp360.ingest;

import io.hcp360.config.Dialect;
import io.hcp360.config.SourcePaths;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows of one CSV file with Commons CSV, one logical row at a time, so that a bad row
 * (bytes that do not decode, broken quoting, a wrong number of columns) is reported with its line
 * and the rows around it are still read. A quoted value may span lines when the dialect allows
 * it; a quote that is never closed rejects the line where it opened, and reading goes on with the
 * next line.
 *
 * <p>Plain lines (decoded, every quote closed on the line) are parsed a batch at a time, with one
 * parser: a parser per line cost a fifth of ingest's time. A batch's rows are its lines' only
 * when the parser finds one row starting at each line; otherwise its lines are parsed one by one,
 * so a bad line is still reported alone. Lines known already ({@link #skipKnown}) are not parsed.
 */
final class CsvRowReader implements Closeable {
  /** A quoted value spanning more lines than this is taken for an unclosed quote. */
  static final int MAX_LINES_PER_ROW = 200;
  /** Plain lines parsed together. */
  private static final int BATCH_LINES = 256;

  private final LineSource lines;
  private final Dialect dialect;
  private final CSVFormat format;
  private final CharsetDecoder strict;
  private final CharsetDecoder lenient;
  /** Whether the file is UTF-8: its lines' bytes are their text's UTF-8 bytes. */
  private final boolean utf8;
  private final Deque<Decoded> pending = new ArrayDeque<>();
  private final Deque<SourceRow> parsed = new ArrayDeque<>();
  private List<String> columns;
  private KnownLines known;

  /** Lines staged before exactly as they read now, which need not be parsed again. */
  interface KnownLines {
    /**
     * Whether the line is known, from its text as UTF-8 bytes (without its line ending, or a
     * byte-order mark); asked once per line, in line order.
     */
    boolean known(int line, byte[] utf8);
  }

  private record Decoded(int number, String text, String error, boolean known) {
    Decoded(int number, String text, String error) {
      this(number, text, error, false);
    }
  }

  CsvRowReader(Path file, Dialect dialect) throws IOException {
    this.lines = new LineSource(file);
    this.dialect = dialect;
    this.format = SourcePaths.format(dialect);
    this.strict = dialect.encoding().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.lenient = dialect.encoding().newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.utf8 = dialect.encoding().equals(StandardCharsets.UTF_8);
    if (dialect.header()) {
      SourceRow header = nextAlone();  // reads no line ahead: see skipKnown
      this.columns = header instanceof SourceRow.Parsed parsed
          ? parsed.values().stream().map(String::trim).toList()
          : List.of();
    } else {
      this.columns = dialect.columns();
    }
  }

  /**
   * Returns the lines {@code known} knows as {@link SourceRow.Known}, unparsed, from the next
   * line on. Only for dialects where a row is one line: elsewhere a line's meaning depends on
   * the lines before it.
   */
  void skipKnown(KnownLines known) {
    if (dialect.rowsMaySpanLines()) {
      throw new IllegalStateException("a row may span lines in this dialect");
    }
    this.known = known;
  }

  /** The bytes of the file read so far (a little ahead of the row last returned). */
  long bytesRead() {
    return lines.bytesRead();
  }

  /** The file's column names, from its header line or the dialect. */
  List<String> columns() {
    return columns;
  }

  /** The next row, or null at the end of the file. Blank lines are skipped. */
  SourceRow next() {
    if (parsed.isEmpty()) {
      parseBatch();
    }
    if (!parsed.isEmpty()) {
      return checked(parsed.removeFirst());
    }
    return nextAlone();
  }

  /** The next row, parsed alone, or null at the end of the file. Blank lines are skipped. */
  private SourceRow nextAlone() {
    while (true) {
      Decoded start = take();
      if (start == null) {
        return null;
      }
      if (start.error != null) {
        return new SourceRow.Unreadable(start.number, start.text, start.error);
      }
      if (start.known) {
        return new SourceRow.Known(start.number);
      }
      if (start.text.isBlank()) {
        continue;
      }
      StringBuilder text = new StringBuilder(start.text);
      List<Decoded> used = new ArrayList<>();
      while (dialect.quote().isPresent() && openQuote(text)) {
        Decoded more = dialect.multiline() && used.size() < MAX_LINES_PER_ROW ? take() : null;
        if (more == null || more.error != null) {
          if (more != null) {
            used.add(more);
          }
          // Give back every line after the first: they are read again as rows of their own.
          for (int i = used.size() - 1; i >= 0; i--) {
            pending.addFirst(used.get(i));
          }
          return new SourceRow.Unreadable(start.number, start.text,
              "broken quoting: a quoted value opened on line " + start.number
                  + " is not closed" + (dialect.multiline() ? "" : " on that line"));
        }
        used.add(more);
        text.append('\n').append(more.text);
      }
      return checked(parse(start.number, text.toString()));
    }
  }

  /**
   * Parses the plain lines ahead (blank ones skipped) into {@code parsed}, up to the first line
   * that is not plain, which is left for {@link #next}.
   */
  private void parseBatch() {
    Decoded first = take();
    if (first != null) {
      pending.addFirst(first);
    }
    if (first == null || !plain(first)) {
      return;  // no batch to make (most lines of a file read again are known lines)
    }
    List<Decoded> batch = new ArrayList<>(BATCH_LINES);
    StringBuilder text = new StringBuilder();
    while (batch.size() < BATCH_LINES) {
      Decoded line = take();
      if (line == null) {
        break;
      }
      if (!plain(line)) {
        pending.addFirst(line);
        break;
      }
      if (!line.text.isBlank()) {
        if (!batch.isEmpty()) {
          text.append('\n');  // none after the last line: it ends where it would alone
        }
        batch.add(line);
        text.append(line.text);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    List<CSVRecord> records = null;
    try (CSVParser parser = CSVParser.parse(text.toString(), format)) {
      records = parser.getRecords();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // a bad line among them: each is parsed alone below, to report it alone
    }
    long position = 0;
    for (int i = 0; records != null && i < batch.size(); i++) {
      if (records.size() != batch.size() || records.get(i).getCharacterPosition() != position) {
        records = null;
      } else {
        position += batch.get(i).text.length() + 1;
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      Decoded line = batch.get(i);
      parsed.add(records == null ? parse(line.number, line.text)
          : new SourceRow.Parsed(line.number, line.text, records.get(i).toList()));
    }
  }

  /** Whether a line can be parsed in a batch: readable, not known, no quote left open. */
  private boolean plain(Decoded line) {
    return line.error == null && !line.known
        && !(dialect.quote().isPresent() && openQuote(line.text));
  }

  /** The row, or why it is unreadable when it has the wrong number of columns. */
  private SourceRow checked(SourceRow row) {
    if (row instanceof SourceRow.Parsed p && columns != null
        && p.values().size() != columns.size()) {
      return new SourceRow.Unreadable(p.line(), p.raw(), "wrong number of columns: expected "
          + columns.size() + ", found " + p.values().size());
    }
    return row;
  }

  private SourceRow parse(int line, String text) {
    List<String> values;
    try (CSVParser parser = CSVParser.parse(text, format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return new SourceRow.Unreadable(line, text,
            "broken quoting: the line holds " + records.size() + " rows");
      }
      values = records.get(0).toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new SourceRow.Unreadable(line, text, "broken quoting: " + message);
    }
    return new SourceRow.Parsed(line, text, values);
  }

  /** Whether the text ends inside a quoted value. */
  private boolean openQuote(CharSequence text) {
    char quote = dialect.quote().orElseThrow();
    char escape = dialect.escape().orElse('\0');
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && escape != '\0' && c == escape && c != quote) {
        i++;
      } else if (c == quote) {
        quoted = !quoted;
      }
    }
    return quoted;
  }

  private Decoded take() {
    if (!pending.isEmpty()) {
      return pending.removeFirst();
    }
    RawLine line = lines.next();
    if (line == null) {
      return null;
    }
    byte[] bytes = line.bytes();
    // In a UTF-8 file a line's bytes are asked about as they are: most lines of a file read
    // again are known, and need not be decoded at all (nor encoded again to be hashed). A
    // known line decodes: its text was staged.
    boolean asked = known != null && utf8 && line.number() > 1  // the first may have a BOM
        && !maybeBlank(bytes);  // blank lines are skipped, not asked about
    if (asked && known.known(line.number(), bytes)) {
      return new Decoded(line.number(), null, null, true);
    }
    try {
      String text = strict.decode(ByteBuffer.wrap(bytes)).toString();
      if (line.number() == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      return new Decoded(line.number(), text, null, known != null && !asked && !text.isBlank()
          && known.known(line.number(), text.getBytes(StandardCharsets.UTF_8)));
    } catch (CharacterCodingException e) {
      CharBuffer shown;
      try {
        shown = lenient.decode(ByteBuffer.wrap(bytes));
      } catch (CharacterCodingException impossible) {
        shown = CharBuffer.wrap("");
      }
      return new Decoded(line.number(), shown.toString(), "undecodable bytes: not valid "
          + dialect.encoding().name() + " at byte " + (firstBadByte(bytes) + 1) + " of the line");
    }
  }

  /**
   * Whether the bytes may be a blank line: they hold no printable ASCII character (the others
   * decide once decoded).
   */
  private static boolean maybeBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b > ' ' && b < 0x7F) {
        return false;
      }
    }
    return true;
  }

  private int firstBadByte(byte[] bytes) {
    strict.reset();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult result = strict.decode(in, CharBuffer.allocate(bytes.length * 2 + 4), true);
    return result.isError() ? in.position() : 0;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
