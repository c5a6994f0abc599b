package io.hcp360.samples;

/**
 * Hands out unique registry numbers. Each kind scrambles a running number with an affine
 * bijection, so numbers look random, never repeat (within the kind's range) and depend on the
 * seed only.
 */
final class Identifiers {
  private final long offset;
  private long npis;
  private long others;
  private long licences;

  Identifiers(long seed) {
    this.offset = Math.floorMod(seed * 0x9E3779B97F4A7C15L, 1_000_000_007L);
  }

  /** A new valid NPI. */
  String npi() {
    return Npi.of(100_000_000 + (int) scramble(npis++, 100_000_000L));
  }

  /** A new national registry number in the market's format (US: an NPI). */
  String registryId(Market m) {
    return switch (m) {
      case US -> npi();
      case FR -> "10" + pad(scramble(others++, 1_000_000_000L), 9); // RPPS, 11 digits
      case DE -> pad(scramble(others++, 1_000_000L), 6) + "0" + "10"; // LANR, 9 digits
      case ES -> "28" + pad(scramble(others++, 10_000_000L), 7); // colegiado, 9 digits
      case GB -> pad(1_000_000 + scramble(others++, 8_000_000L), 7); // GMC, 7 digits
    };
  }

  /** A US state licence number ("CA-A123456"). */
  String stateLicence(String state) {
    return state + "-" + (char) ('A' + (int) (licences % 4)) + pad(scramble(licences++, 1_000_000L), 6);
  }

  private long scramble(long n, long range) {
    // 7_919_013 is coprime with every power of ten used above, so this is a bijection mod range
    return Math.floorMod(n * 7_919_013L + offset, range);
  }

  private static String pad(long n, int width) {
    String s = Long.toString(n);
    return "0".repeat(Math.max(0, width - s.length())) + s;
  }
}
