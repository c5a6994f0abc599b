package io.hcp360.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * A 128-bit hash of a line's text (MurmurHash3), salted with what turns the line into staged
 * rows: the job file (its digest, from {@link Fingerprint}) and the file's columns. Two lines
 * with the same hash stage the same rows, so a line whose hash a staged row carries need not be
 * parsed again.
 */
final class LineHash {
  private final long salt1;
  private final long salt2;

  LineHash(byte[] jobDigest, List<String> columns) {
    long[] job = new long[2];
    ByteBuffer digest = ByteBuffer.wrap(jobDigest);
    for (int i = 0; digest.remaining() >= Long.BYTES; i ^= 1) {
      job[i] ^= digest.getLong();
    }
    long[] header = hash(String.join("\u001f", columns));
    this.salt1 = job[0] ^ header[0];
    this.salt2 = job[1] ^ header[1];
  }

  /** The hash of one line's text (as decoded, without its line ending). */
  Hash128 of(String text) {
    return ofUtf8(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The hash of one line's text as UTF-8 bytes: in a UTF-8 file, the line's bytes as they are,
   * which need not be decoded to be hashed.
   */
  Hash128 ofUtf8(byte[] utf8) {
    long[] h = MurmurHash3.hash128x64(utf8, 0, utf8.length, 0);
    return new Hash128(h[0] ^ salt1, h[1] ^ salt2);
  }

  private static long[] hash(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return MurmurHash3.hash128x64(bytes, 0, bytes.length, 0);
  }
}
