package io.hcp360.db;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's COPY text format, sent with {@code COPY ... FROM STDIN} when
 * flushed. One connection can run one COPY at a time, so each table's rows wait here and the
 * tables are sent one after another.
 */
public final class CopyBuffer {
  private final String copySql;
  private final Bytes bytes = new Bytes();
  private final StringBuilder line = new StringBuilder(512);
  private boolean startOfLine = true;
  private long rows;

  /** The COPY API of a handle's connection. */
  public static CopyManager copyManager(Handle handle) throws SQLException {
    return handle.getConnection().unwrap(PGConnection.class).getCopyAPI();
  }

  public CopyBuffer(String copySql) {
    this.copySql = copySql;
  }

  public CopyBuffer value(String value) {
    if (!startOfLine) {
      line.append('\t');
    }
    startOfLine = false;
    if (value == null) {
      line.append("\\N");
      return this;
    }
    if (plain(value)) {
      line.append(value);
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> line.append("\\\\");
        case '\t' -> line.append("\\t");
        case '\n' -> line.append("\\n");
        case '\r' -> line.append("\\r");
        default -> line.append(c);
      }
    }
    return this;
  }

  /** Whether the value needs no escaping (most do not: appended whole). */
  private static boolean plain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  public CopyBuffer value(long value) {
    return value(Long.toString(value));
  }

  public void endRow() {
    line.append('\n');
    bytes.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    line.setLength(0);
    startOfLine = true;
    rows++;
  }

  /** The bytes waiting, to decide when to flush. */
  public int size() {
    return bytes.size();
  }

  public long rows() {
    return rows;
  }

  /** The rows' bytes, read back without a copy of them. */
  private static final class Bytes extends ByteArrayOutputStream {
    Bytes() {
      super(1 << 20);
    }

    java.io.InputStream input() {
      return new java.io.ByteArrayInputStream(buf, 0, count);
    }
  }

  public void flush(CopyManager copy) throws SQLException {
    if (bytes.size() == 0) {
      return;
    }
    try {
      copy.copyIn(copySql, bytes.input());
    } catch (java.io.IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    }
    bytes.reset();
  }
}
