package io.hcp360.ingest;

import java.util.UUID;

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
    return new Hash128(digits(digits, 0, 16), digits(digits, 16, 32));
  }

  /** The hash a uuid holds (as PostgreSQL stores it), or null. */
  static Hash128 of(UUID uuid) {
    return uuid == null ? null
        : new Hash128(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
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
