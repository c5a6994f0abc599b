package io.hcp360.samples;

/**
 * US National Provider Identifiers: ten digits whose last is a Luhn check digit computed over the
 * prefix "80840" followed by the first nine digits (CMS, "NPI check digit").
 */
final class Npi {
  private static final String PREFIX = "80840";

  private Npi() {}

  /** The valid NPI whose first nine digits are {@code base} (100000000..299999999). */
  static String of(int base) {
    if (base < 100_000_000 || base > 299_999_999) {
      throw new IllegalArgumentException("NPI base out of range: " + base);
    }
    String nine = Integer.toString(base);
    return nine + checkDigit(PREFIX + nine);
  }

  /** True when {@code npi} is ten digits with a correct check digit. */
  static boolean isValid(String npi) {
    if (npi == null || npi.length() != 10 || !npi.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return checkDigit(PREFIX + npi.substring(0, 9)) == npi.charAt(9) - '0';
  }

  /** The same NPI with a wrong check digit: a typo a system without validation would keep. */
  static String withBadCheckDigit(String npi, int shift) {
    int wrong = (npi.charAt(9) - '0' + 1 + Math.floorMod(shift, 9)) % 10;
    return npi.substring(0, 9) + wrong;
  }

  private static int checkDigit(String payload) {
    int sum = 0;
    boolean dbl = true; // the digit left of the (absent) check digit is doubled
    for (int i = payload.length() - 1; i >= 0; i--) {
      int d = payload.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return (10 - sum % 10) % 10;
  }
}
