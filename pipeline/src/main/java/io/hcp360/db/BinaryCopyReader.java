package io.hcp360.db;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;
import org.postgresql.core.Utils;

/**
 * The rows of a query read with a binary COPY ({@code COPY (query) TO STDOUT (FORMAT binary)}),
 * as the server streams them. A cursor takes a round trip per batch of rows and sends every
 * value as text to parse again; here numbers, uuids and tids come as bytes, in one stream.
 * Hundreds of thousands of rows are read this way (a file's staged rows, the matched pairs).
 *
 * <p>Read a row with {@link #next}, then each of its fields in the query's order with the
 * reader of its type; a null reads as null where the type has one ({@link #text},
 * {@link #uuid}), and fails elsewhere.
 */
public final class BinaryCopyReader implements Closeable {
  /** "PGCOPY\n\377\r\n\0", which starts a binary COPY. */
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r',
      '\n', 0};

  private final InputStream in;
  private final int columns;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).flip();  // big-endian
  private int fieldsLeft;

  private BinaryCopyReader(InputStream in, int columns) throws IOException {
    this.in = in;
    this.columns = columns;
    ensure(SIGNATURE.length + 8);
    for (byte b : SIGNATURE) {
      if (buffer.get() != b) {
        throw new IOException("not a binary COPY");
      }
    }
    buffer.getInt();  // flags
    skip(buffer.getInt());  // the header extension
  }

  /**
   * Starts reading the rows of {@code query}, of {@code columns} columns, on the handle's
   * connection (inside its transaction, if one is open). The query takes no parameters: put
   * values in it with {@link #literal}.
   */
  public static BinaryCopyReader open(Handle handle, String query, int columns)
      throws SQLException, IOException {
    PGConnection connection = handle.getConnection().unwrap(PGConnection.class);
    return new BinaryCopyReader(new PGCopyInputStream(connection,
        "COPY (" + query + "\n) TO STDOUT (FORMAT binary)"), columns);
  }

  /** A string as an SQL literal (quotes doubled), for a query that cannot take parameters. */
  public static String literal(String value) throws SQLException {
    return Utils.escapeLiteral(new StringBuilder("'"), value, true).append('\'').toString();
  }

  /** Moves to the next row; false after the last. */
  public boolean next() throws IOException {
    if (fieldsLeft == -1) {
      return false;
    }
    if (fieldsLeft != 0) {
      throw new IllegalStateException(fieldsLeft + " fields of the row were not read");
    }
    ensure(2);
    short fields = buffer.getShort();
    if (fields == -1) {
      // the trailer: read on to the end of the COPY, which leaves the connection ready
      buffer.position(buffer.limit());
      while (in.read(buffer.array(), 0, buffer.capacity()) >= 0) {
        // nothing follows the trailer
      }
      fieldsLeft = -1;
      return false;
    }
    if (fields != columns) {
      throw new IOException("a row of " + fields + " columns, not " + columns);
    }
    fieldsLeft = fields;
    return true;
  }

  public int int4() throws IOException {
    length(4, "an int4");
    return buffer.getInt();
  }

  public long int8() throws IOException {
    length(8, "an int8");
    return buffer.getLong();
  }

  public double float8() throws IOException {
    length(8, "a float8");
    return buffer.getDouble();
  }

  public boolean bool() throws IOException {
    length(1, "a bool");
    return buffer.get() != 0;
  }

  /** A tid (a row's ctid) as one number: its block shifted left 16 bits, then its offset. */
  public long tid() throws IOException {
    length(6, "a tid");
    return (buffer.getInt() & 0xFFFFFFFFL) << 16 | (buffer.getShort() & 0xFFFF);
  }

  /** A uuid, or null. */
  public UUID uuid() throws IOException {
    int length = fieldLength();
    if (length == -1) {
      return null;
    }
    expect(length, 16, "a uuid");
    ensure(16);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  /** A text value (UTF-8, the connection's encoding), or null. */
  public String text() throws IOException {
    int length = fieldLength();
    if (length == -1) {
      return null;
    }
    if (length > buffer.capacity()) {
      byte[] bytes = new byte[length];
      int have = buffer.remaining();
      buffer.get(bytes, 0, have);
      if (in.readNBytes(bytes, have, length - have) != length - have) {
        throw new IOException("the COPY ended inside a row");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
    ensure(length);
    String text = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
    buffer.position(buffer.position() + length);
    return text;
  }

  private void length(int expected, String type) throws IOException {
    int length = fieldLength();
    expect(length, expected, type);
    ensure(expected);
  }

  private static void expect(int length, int expected, String type) throws IOException {
    if (length != expected) {
      throw new IOException(length == -1 ? "a null where " + type + " was expected"
          : "a field of " + length + " bytes where " + type + " was expected");
    }
  }

  private int fieldLength() throws IOException {
    if (fieldsLeft <= 0) {
      throw new IllegalStateException("no field left in the row");
    }
    fieldsLeft--;
    ensure(4);
    return buffer.getInt();
  }

  private void skip(int bytes) throws IOException {
    while (bytes > 0) {
      ensure(1);
      int n = Math.min(bytes, buffer.remaining());
      buffer.position(buffer.position() + n);
      bytes -= n;
    }
  }

  /** Makes at least {@code bytes} (no more than the buffer holds) readable in the buffer. */
  private void ensure(int bytes) throws IOException {
    if (buffer.remaining() >= bytes) {
      return;
    }
    buffer.compact();
    while (buffer.position() < bytes) {
      int n = in.read(buffer.array(), buffer.position(), buffer.remaining());
      if (n < 0) {
        throw new IOException("the COPY ended inside a row");
      }
      buffer.position(buffer.position() + n);
    }
    buffer.flip();
  }

  /**
   * Ends the COPY. Closed before its last row (a failure while reading), it reads the rest and
   * lets it go: a COPY cancelled half way leaves the connection unusable.
   */
  @Override
  public void close() throws IOException {
    try {
      if (fieldsLeft != -1) {
        byte[] rest = new byte[1 << 16];
        while (in.read(rest, 0, rest.length) >= 0) {
          // let it go
        }
      }
    } finally {
      in.close();
    }
  }
}
