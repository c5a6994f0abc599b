package io.hcp360.standardize;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text cleaners: plain functions from a raw value to a comparable key. */
public final class Text {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z0-9 -]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Text() {}

  /** Lower case ASCII letters, digits, spaces and hyphens: "Müller-Lüdenscheidt" → "muller-ludenscheidt". */
  public static String key(String value) {
    if (value == null) {
      return null;
    }
    String folded = value.toLowerCase(Locale.ROOT)
        .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
        .replace("ł", "l").replace("đ", "d").replace("ı", "i");
    String ascii = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
    String key = SPACES.matcher(NOT_LETTERS.matcher(ascii).replaceAll(" ")).replaceAll(" ").trim();
    return key.isEmpty() ? null : key;
  }

  /** Trimmed, lower case; null when blank. */
  public static String email(String value) {
    if (value == null) {
      return null;
    }
    String email = value.strip().toLowerCase(Locale.ROOT);
    return email.isEmpty() || !email.contains("@") ? null : email;
  }

  /** The digits of a value, or null when it has none. */
  public static String digits(String value) {
    if (value == null) {
      return null;
    }
    StringBuilder digits = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    return digits.isEmpty() ? null : digits.toString();
  }
}
