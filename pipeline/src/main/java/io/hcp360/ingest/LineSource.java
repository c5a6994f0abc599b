package io.hcp360.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, so that a line with bytes its encoding cannot decode is
 * found and rejected alone. Lines end with LF or CRLF. Works for ASCII-compatible encodings.
 */
final class LineSource implements Closeable {
  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private long before;
  private int lineNumber;
  private byte[] line = new byte[256];

  LineSource(Path file) throws IOException {
    this.in = Files.newInputStream(file);
  }

  /** The next line, or null at the end of the file. */
  RawLine next() {
    try {
      int length = 0;
      boolean any = false;
      while (true) {
        if (position == limit) {
          before += limit;
          limit = in.read(buffer, 0, buffer.length);
          position = 0;
          if (limit <= 0) {
            limit = 0;
            if (!any) {
              return null;
            }
            break;
          }
        }
        any = true;
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        int chunk = position - start;
        if (length + chunk > line.length) {
          line = Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
        }
        System.arraycopy(buffer, start, line, length, chunk);
        length += chunk;
        if (position < limit) {
          position++; // the '\n'
          break;
        }
      }
      if (length > 0 && line[length - 1] == '\r') {
        length--;
      }
      lineNumber++;
      return new RawLine(lineNumber, Arrays.copyOf(line, length));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bytes of the file read so far. */
  long bytesRead() {
    return before + position;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
