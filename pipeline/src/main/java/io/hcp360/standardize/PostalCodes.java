package io.hcp360.standardize;

import java.util.Locale;
import java.util.regex.Pattern;

/** Postal codes in each market's one form; null when a code does not fit its country. */
public final class PostalCodes {
  private static final Pattern US = Pattern.compile("\\d{3,5}(-?\\d{4})?");
  private static final Pattern FIVE_DIGITS = Pattern.compile("(?:[A-Z]{1,2}-?)?(\\d{4,5})");
  private static final Pattern GB =
      Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}");

  private PostalCodes() {}

  /**
   * US: five digits (ZIP+4 cut, a lost leading zero restored); DE, FR, ES: five digits, zero
   * padded ("D-01067" → "01067"); GB: upper case without spaces; elsewhere upper case letters and
   * digits.
   */
  public static String standardize(String raw, String country) {
    if (raw == null) {
      return null;
    }
    String compact = raw.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    if (compact.isEmpty()) {
      return null;
    }
    if (country == null) {
      return alphanumeric(compact);
    }
    switch (country) {
      case "US" -> {
        if (!US.matcher(compact).matches()) {
          return null;
        }
        String digits = Text.digits(compact);
        String zip = digits.length() >= 9 ? digits.substring(0, digits.length() - 4) : digits;
        return zip.length() > 5 ? null : pad(zip);
      }
      case "DE", "FR", "ES" -> {
        var m = FIVE_DIGITS.matcher(compact);
        if (!m.matches()) {
          return null;
        }
        String code = pad(m.group(1));
        if (country.equals("ES")) {
          int province = Integer.parseInt(code.substring(0, 2));
          return province >= 1 && province <= 52 ? code : null;
        }
        return code.startsWith("00") ? null : code;
      }
      case "GB" -> {
        return GB.matcher(compact).matches() ? compact : null;
      }
      default -> {
        return alphanumeric(compact);
      }
    }
  }

  private static String pad(String digits) {
    return "0".repeat(5 - digits.length()) + digits;
  }

  private static String alphanumeric(String compact) {
    StringBuilder out = new StringBuilder(compact.length());
    for (int i = 0; i < compact.length(); i++) {
      char c = compact.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z') {
        out.append(c);
      }
    }
    return out.isEmpty() ? null : out.toString();
  }
}
