package io.hcp360.standardize;

import org.apache.commons.codec.language.DoubleMetaphone;

/** Name keys other than the given name's canonical form: initials, surnames, phonetic codes. */
public final class Names {
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  private Names() {}

  /** The first letter of the folded name: "Élodie" → "e", "J." → "j". */
  public static String initial(String name) {
    String key = Text.key(name);
    return key == null ? null : key.substring(0, 1);
  }

  /**
   * Lower case ASCII surname, hyphens and apostrophes as spaces, particles kept:
   * "van Beethoven" → "van beethoven", "Müller-Lüdenscheidt" → "muller ludenscheidt".
   */
  public static String lastName(String lastName) {
    String key = Text.key(lastName);
    if (key == null) {
      return null;
    }
    String spaced = key.replace('-', ' ').replaceAll(" {2,}", " ").strip();
    return spaced.isEmpty() ? null : spaced;
  }

  /**
   * A generational suffix in one spelling: "JR", "jr.", "Junior" → "Jr"; "SR" → "Sr"; "ii",
   * "III" → "II", "III"; anything else as written (trimmed); null when blank.
   */
  public static String suffix(String suffix) {
    String key = Text.key(suffix);
    if (key == null) {
      return null;
    }
    return switch (key) {
      case "jr", "junior", "jun" -> "Jr";
      case "sr", "senior", "sen" -> "Sr";
      case "i", "ii", "iii", "iv", "v", "vi" -> key.toUpperCase(java.util.Locale.ROOT);
      default -> suffix.strip();
    };
  }

  /** Countries where people carry two surnames, the father's then the mother's. */
  private static final java.util.Set<String> TWO_SURNAMES = java.util.Set.of(
      "ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "BO", "PY", "UY", "CR", "PA", "DO", "GT",
      "HN", "SV", "NI", "CU", "PR");

  /**
   * Whether a "middle name" is really the first of two surnames: in a country where people carry
   * two surnames, a source that splits "Andrés Ibáñez Ruiz" as first, middle, last puts the
   * father's surname in the middle. It is, when it is one word of two letters or more that is not
   * a given name of the dictionary.
   */
  public static boolean middleIsSurname(String middleName, String country) {
    if (country == null || !TWO_SURNAMES.contains(country)) {
      return false;
    }
    String key = Text.key(middleName);
    return key != null && key.length() > 1 && key.indexOf(' ') < 0 && key.indexOf('-') < 0
        && !FirstNames.standard().known(key);
  }

  /** The Double Metaphone primary code of a standardized name, spaces removed first. */
  public static String phonetic(String standardized) {
    if (standardized == null) {
      return null;
    }
    String code = METAPHONE.doubleMetaphone(standardized.replace(" ", ""));
    return code == null || code.isEmpty() ? null : code;
  }
}
