package io.hcp360.standardize;

/**
 * The US National Provider Identifier: ten digits, the last a Luhn check digit computed over the
 * card-issuer prefix 80840 followed by the first nine digits.
 */
public final class Npi {
  private Npi() {}

  public static boolean isValid(String npi) {
    if (npi == null || npi.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (npi.charAt(i) < '0' || npi.charAt(i) > '9') {
        return false;
      }
    }
    return checkDigit(npi.substring(0, 9)) == npi.charAt(9) - '0';
  }

  /** The check digit of the NPI whose first nine digits are {@code nineDigits}. */
  public static int checkDigit(String nineDigits) {
    int sum = 24; // the Luhn sum of the prefix 80840, as it stands before the NPI's digits
    boolean doubled = true;
    for (int i = nineDigits.length() - 1; i >= 0; i--) {
      int digit = nineDigits.charAt(i) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }
}
