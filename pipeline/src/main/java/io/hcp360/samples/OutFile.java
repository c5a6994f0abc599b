package io.hcp360.samples;

import io.hcp360.Hcp360Exception;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One output file being written row by row, with the header first. Rows are encoded in the
 * layout's charset and end with "\n". Some rows are made bad, as {@link Faults} decides.
 */
final class OutFile implements Closeable {
  private static final char BAD_BYTE_MARK = '\uE000';

  private final Layout layout;
  private final Path path;
  private final OutputStream out;
  private final Faults faults;
  private final List<Fault> kinds;
  private long rows;
  private long bad;

  OutFile(Path root, Layout layout, Faults faults, int firstFault) {
    this.layout = layout;
    this.path = root.resolve(layout.path());
    this.faults = faults;
    this.kinds = layout.faults();
    this.bad = firstFault;
    try {
      Files.createDirectories(path.getParent());
      this.out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
      writeLine(layout.format(layout.header().toArray(String[]::new), -1, null));
    } catch (IOException e) {
      throw new Hcp360Exception("cannot write " + path, e);
    }
  }

  /**
   * Writes one data row (the array may be changed). Returns whether the row still carries its id
   * (false when the row was made bad by blanking it).
   */
  boolean write(String... values) {
    if (values.length != layout.header().size()) {
      throw new IllegalArgumentException(layout.path() + ": " + values.length + " values for "
          + layout.header().size() + " columns");
    }
    rows++;
    if (!faults.strikes()) {
      writeLine(layout.format(values, -1, null));
      return true;
    }
    Fault fault = kinds.get((int) (bad++ % kinds.size()));
    faults.count(fault);
    int text = layout.textColumn();
    String line = switch (fault) {
      case WRONG_COLUMN_COUNT -> layout.format(
          rows % 2 == 0 ? Arrays.copyOf(values, values.length - 1) : extraColumn(values), -1, null);
      case BROKEN_QUOTE -> layout.format(values, text, "\"" + values[text].replace("\"", ""));
      case BAD_BYTE -> {
        values[text] = values[text] + BAD_BYTE_MARK;
        yield layout.format(values, -1, null);
      }
      case BAD_DATE -> {
        values[layout.dateColumn()] = layout.badDates().get((int) (rows % layout.badDates().size()));
        yield layout.format(values, -1, null);
      }
      case MISSING_ID -> {
        values[layout.idColumn()] = "";
        yield layout.format(values, -1, null);
      }
    };
    writeLine(line);
    return fault != Fault.MISSING_ID;
  }

  private static String[] extraColumn(String[] values) {
    String[] more = Arrays.copyOf(values, values.length + 1);
    more[values.length] = "see notes";
    return more;
  }

  private void writeLine(String line) {
    try {
      int mark = line.indexOf(BAD_BYTE_MARK);
      if (mark < 0) {
        out.write(line.getBytes(layout.charset()));
      } else {
        out.write(line.substring(0, mark).getBytes(layout.charset()));
        out.write(0xFF);
        out.write(line.substring(mark + 1).getBytes(layout.charset()));
      }
      out.write('\n');
    } catch (IOException e) {
      throw new Hcp360Exception("cannot write " + path, e);
    }
  }

  String relativePath() {
    return layout.path();
  }

  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
