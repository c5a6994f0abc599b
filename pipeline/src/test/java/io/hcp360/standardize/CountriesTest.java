package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountriesTest {

  /**
   * Every name of every country reads as it did when all of them were gathered into one map
   * at once (codes, English names and alpha-3 codes put, native names put if absent, country
   * by country; the aliases last): the native names gathered later change no answer.
   */
  @Test
  void everyNameReadsAsFromOneMapOfAllNames() {
    Map<String, String> all = new HashMap<>();
    for (String code : Locale.getISOCountries()) {
      Locale country = Locale.of("", code);
      all.put(code, code);
      all.put(Text.key(country.getDisplayCountry(Locale.ENGLISH)), code);
      try {
        all.put(Text.key(country.getISO3Country()), code);
      } catch (java.util.MissingResourceException e) {
        // no alpha-3 code for this country
      }
      for (Locale language : Locale.getAvailableLocales()) {
        if (code.equals(language.getCountry())) {
          String name = Text.key(country.getDisplayCountry(language));
          if (name != null) {
            all.putIfAbsent(name, code);
          }
        }
      }
    }
    Map.of("usa", "US", "us", "US", "united states of america", "US", "uk", "GB",
        "great britain", "GB", "england", "GB").forEach(all::put);

    assertThat(all).hasSizeGreaterThan(900).containsEntry("deutschland", "DE");
    all.forEach((name, code) -> assertThat(Countries.iso2(name)).as(name).isEqualTo(code));
  }
}
