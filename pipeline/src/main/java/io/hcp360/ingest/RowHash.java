package io.hcp360.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The md5 of a staged party row's values as they are staged (null and empty told apart), written as
 * 32 hex digits (PostgreSQL reads them as a uuid): two rows with the same values have the same
 * hash, so the standardize step finds the changed records by comparing hashes. One per thread.
 */
final class RowHash {
  private static final byte SEPARATOR = 0x1f;
  private static final byte NULL = 0x00;

  private final MessageDigest md5;
  private final StringBuilder text = new StringBuilder(512);

  RowHash() {
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has MD5", e);
    }
  }

  /** The hash of the values and the extra attributes' JSON. */
  Hash128 of(String[] values, String extras) {
    // The bytes of the values, each followed by the separator (a null as one zero byte), then
    // of the extras: built as one text and encoded once (U+0000 and U+001F are single bytes in
    // UTF-8), so the row is digested in one call.
    text.setLength(0);
    for (String value : values) {
      if (value == null) {
        text.append((char) NULL);
      } else {
        text.append(value);
      }
      text.append((char) SEPARATOR);
    }
    text.append(extras);
    ByteBuffer digest = ByteBuffer.wrap(
        md5.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    return new Hash128(digest.getLong(), digest.getLong());
  }
}
