package io.hcp360.standardize;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country codes and names (English and native) to ISO 3166 alpha-2, from the JDK's locale data. */
public final class Countries {
  private static final Map<String, String> BY_NAME = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      Locale country = Locale.of("", code);
      BY_NAME.put(code, code);
      BY_NAME.put(Text.key(country.getDisplayCountry(Locale.ENGLISH)), code);
      try {
        BY_NAME.put(Text.key(country.getISO3Country()), code);
      } catch (java.util.MissingResourceException e) {
        // no alpha-3 code for this country
      }
      for (Locale language : Locale.getAvailableLocales()) {
        if (code.equals(language.getCountry())) {
          String name = Text.key(country.getDisplayCountry(language));
          if (name != null) {
            BY_NAME.putIfAbsent(name, code);
          }
        }
      }
    }
    BY_NAME.put("usa", "US");
    BY_NAME.put("us", "US");
    BY_NAME.put("united states of america", "US");
    BY_NAME.put("uk", "GB");
    BY_NAME.put("great britain", "GB");
    BY_NAME.put("england", "GB");
  }

  private Countries() {}

  /** The alpha-2 code of a code or name; the value as it is when it is not recognised. */
  public static String iso2(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    String upper = trimmed.toUpperCase(Locale.ROOT);
    if (BY_NAME.containsKey(upper)) {
      return upper;
    }
    String key = Text.key(trimmed);
    String code = key == null ? null : BY_NAME.get(key);
    return code != null ? code : trimmed;
  }
}
