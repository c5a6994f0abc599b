package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

  @ParameterizedTest
  @CsvSource({
      "Müller, muller",
      "MÜLLER-LÜDENSCHEIDT, muller-ludenscheidt",
      "François, francois",
      "Núñez, nunez",
      "Strauß, strauss",
      "  O'Brien  , o brien",
      "Søren, soren",
  })
  void keysAreLowerCaseAsciiWithoutAccents(String raw, String key) {
    assertThat(Text.key(raw)).isEqualTo(key);
  }

  @Test
  void blankValuesHaveNoKey() {
    assertThat(Text.key("  ")).isNull();
    assertThat(Text.key(null)).isNull();
    assertThat(Text.email(" ")).isNull();
    assertThat(Text.digits("n/a")).isNull();
  }

  @Test
  void emailsAreTrimmedAndLowerCased() {
    assertThat(Text.email("  John.Smith@Example.COM ")).isEqualTo("john.smith@example.com");
    assertThat(Text.email("not an email")).isNull();
  }

  @ParameterizedTest
  @CsvSource({"US, US", "us, US", "USA, US", "United States, US", "Germany, DE",
      "Deutschland, DE", "France, FR", "España, ES", "Spain, ES", "DEU, DE", "UK, GB",
      "Atlantis, Atlantis"})
  void countriesBecomeIsoAlpha2(String raw, String code) {
    assertThat(Countries.iso2(raw)).isEqualTo(code);
  }
}
