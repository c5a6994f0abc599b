package io.hcp360.standardize;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Country codes and names (English and native) to ISO 3166 alpha-2, from the JDK's locale data.
 *
 * <p>Codes, English names and alpha-3 codes are known at once. The names in every other
 * language ({@link NativeCountryNames}) are gathered the first time a value is none of those
 * (0.45 s: the display names of every locale are loaded), or ahead of need and kept between
 * runs ({@link #gatherNativeNamesInBackground}). A name is read as the first of: a code,
 * English name or alpha-3 code (of the last country that has it), one of the aliases below, a
 * native name (of the first country that has it).
 */
public final class Countries {
  private static final Map<String, String> KNOWN = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      Locale country = Locale.of("", code);
      KNOWN.put(code, code);
      KNOWN.put(Text.key(country.getDisplayCountry(Locale.ENGLISH)), code);
      try {
        KNOWN.put(Text.key(country.getISO3Country()), code);
      } catch (java.util.MissingResourceException e) {
        // no alpha-3 code for this country
      }
    }
    KNOWN.put("usa", "US");
    KNOWN.put("us", "US");
    KNOWN.put("united states of america", "US");
    KNOWN.put("uk", "GB");
    KNOWN.put("great britain", "GB");
    KNOWN.put("england", "GB");
  }

  /** Where the native names are kept between runs, if anywhere ({@link NativeCountryNames}). */
  private static volatile Optional<Path> keptIn = Optional.empty();

  /** The names of the countries in the languages spoken there, made on first use. */
  private static final class NativeNames {
    static final Map<String, String> BY_NAME = NativeCountryNames.readOrGather(keptIn);
  }

  private Countries() {}

  /**
   * Starts gathering the native names on a daemon thread, for a run to have them before its
   * standardize step needs them; a value looked up meanwhile waits for them as it would have.
   * They are read from, or kept in, {@code folder} (one file per JDK version).
   */
  public static void gatherNativeNamesInBackground(Path folder) {
    keptIn = Optional.of(folder);
    Thread.ofPlatform().daemon().name("country-names").start(() -> NativeNames.BY_NAME.size());
  }

  /** The alpha-2 code of a code or name; the value as it is when it is not recognised. */
  public static String iso2(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.strip();
    String upper = trimmed.toUpperCase(Locale.ROOT);
    if (KNOWN.containsKey(upper)) {
      return upper;
    }
    String key = Text.key(trimmed);
    if (key == null) {
      return trimmed;
    }
    String code = KNOWN.get(key);
    if (code == null) {
      code = NativeNames.BY_NAME.get(key);
    }
    return code != null ? code : trimmed;
  }
}
