package io.hcp360.samples;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How one output file is written: its path below the output folder, columns, delimiter, quoting
 * and encoding, and the columns a {@link Fault} may damage.
 *
 * @param idColumn the required identifier (the party's source id, or the party it refers to)
 * @param textColumn a free-text column that may carry a broken quote or a bad byte
 * @param dateColumn a date or timestamp column
 * @param badDates values that do not parse in that column's format
 */
record Layout(
    String path,
    List<String> header,
    char delimiter,
    Quoting quoting,
    Charset charset,
    int idColumn,
    int textColumn,
    int dateColumn,
    List<String> badDates) {

  /** When values are put in quotes. */
  enum Quoting {
    /** Every value, as Salesforce exports do. */
    ALL,
    /** Only values that hold the delimiter, a quote or a line break. */
    MINIMAL,
    /** Never: the file has no quote character. */
    NONE
  }

  Layout {
    Objects.requireNonNull(path, "path");
    header = List.copyOf(header);
    badDates = List.copyOf(badDates);
    for (int c : new int[] {idColumn, textColumn, dateColumn}) {
      if (c < 0 || c >= header.size()) {
        throw new IllegalArgumentException(path + ": column index out of range: " + c);
      }
    }
  }

  /** The faults that can happen in this file. */
  List<Fault> faults() {
    List<Fault> kinds = new ArrayList<>(List.of(Fault.values()));
    if (quoting == Quoting.NONE) {
      kinds.remove(Fault.BROKEN_QUOTE);
    }
    if (!charset.equals(StandardCharsets.UTF_8)) {
      kinds.remove(Fault.BAD_BYTE); // every byte is a valid ISO-8859-1 character
    }
    return kinds;
  }

  /** One line (without line end). {@code raw}, if not null, is put verbatim at {@code rawAt}. */
  String format(String[] values, int rawAt, String raw) {
    StringBuilder sb = new StringBuilder(160);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(delimiter);
      }
      if (i == rawAt && raw != null) {
        sb.append(raw);
      } else {
        appendValue(sb, values[i]);
      }
    }
    return sb.toString();
  }

  private void appendValue(StringBuilder sb, String v) {
    switch (quoting) {
      case ALL -> sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      case MINIMAL -> {
        if (v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
          sb.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
          sb.append(v);
        }
      }
      case NONE -> sb.append(v.replace(delimiter, ' '));
    }
  }
}
