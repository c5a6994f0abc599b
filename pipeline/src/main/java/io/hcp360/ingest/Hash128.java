package io.hcp360.ingest;

/**
 * A 128-bit hash (a row's md5, a line's {@link LineHash}), written as 32 hex digits, which
 * PostgreSQL reads as a uuid. Kept as two longs where hundreds of thousands are held at once.
 */
record Hash128(long high, long low) {
  /** The hash written as 32 hex digits (a uuid's, with or without its dashes). */
  static Hash128 parse(String hex) {
    String digits = hex.indexOf('-') >= 0 ? hex.replace("-", "") : hex;
    if (digits.length() != 32) {
      throw new IllegalArgumentException("not 32 hex digits: " + hex);
    }
    return new Hash128(Long.parseUnsignedLong(digits, 0, 16, 16),
        Long.parseUnsignedLong(digits, 16, 32, 16));
  }

  @Override
  public String toString() {
    return hex(high) + hex(low);
  }

  private static String hex(long value) {
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }
}
