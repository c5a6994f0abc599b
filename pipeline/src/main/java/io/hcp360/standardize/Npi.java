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
    int sum = 24; // the Luhn sum of the prefix 80840, as it stands before the NPI's digits
    boolean doubled = true;
    for (int i = 8; i >= 0; i--) {
      char c = npi.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      int digit = c - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    char check = npi.charAt(9);
    return check >= '0' && check <= '9' && (10 - sum % 10) % 10 == check - '0';
  }
}
