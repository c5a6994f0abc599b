package io.hcp360.ingest;

/**
 * A 128-bit hash (a row's md5, a line's {@link LineHash}), written as 32 hex digits, which
 * PostgreSQL reads as a uuid. Kept as two longs where hundreds of thousands are held at once.
 */
record Hash128(long high, long low) {
  /** The hash written as 32 hex digits (a uuid's, with or without its dashes). */
  static Hash128 parse(String hex) {
    if (hex.length() == 36 && hex.charAt(8) == '-' && hex.charAt(13) == '-'
        && hex.charAt(18) == '-' && hex.charAt(23) == '-') {
      // a uuid as PostgreSQL writes it (8-4-4-4-12), read in place: hundreds of thousands of
      // them are read per file
      return new Hash128(
          digits(hex, 0, 8) << 32 | digits(hex, 9, 13) << 16 | digits(hex, 14, 18),
          digits(hex, 19, 23) << 48 | digits(hex, 24, 36));
    }
    String digits = hex.indexOf('-') >= 0 ? hex.replace("-", "") : hex;
    if (digits.length() != 32) {
      throw new IllegalArgumentException("not 32 hex digits: " + hex);
    }
    return new Hash128(Long.parseUnsignedLong(digits, 0, 16, 16),
        Long.parseUnsignedLong(digits, 16, 32, 16));
  }

  /** A group of hex digits (parseUnsignedLong refuses anything else but a leading '+'). */
  private static long digits(String hex, int from, int to) {
    if (hex.charAt(from) == '+') {
      throw new IllegalArgumentException("not 32 hex digits: " + hex);
    }
    try {
      return Long.parseUnsignedLong(hex, from, to, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not 32 hex digits: " + hex, e);
    }
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
