package io.hcp360.samples;

/**
 * Generated US National Provider Identifiers, valid or with a typo in the check digit; the check
 * digit itself is {@link io.hcp360.standardize.Npi}'s.
 */
final class Npi {
  private Npi() {}

  /** The valid NPI whose first nine digits are {@code base} (100000000..299999999). */
  static String of(int base) {
    if (base < 100_000_000 || base > 299_999_999) {
      throw new IllegalArgumentException("NPI base out of range: " + base);
    }
    String nine = Integer.toString(base);
    return nine + io.hcp360.standardize.Npi.checkDigit(nine);
  }

  /** The same NPI with a wrong check digit: a typo a system without validation would keep. */
  static String withBadCheckDigit(String npi, int shift) {
    int wrong = (npi.charAt(9) - '0' + 1 + Math.floorMod(shift, 9)) % 10;
    return npi.substring(0, 9) + wrong;
  }
}
