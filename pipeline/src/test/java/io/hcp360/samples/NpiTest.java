package io.hcp360.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NpiTest {
  /** Plain Luhn over "80840" + the ten digits, written independently of {@link Npi}. */
  static boolean luhn(String npi) {
    String digits = "80840" + npi;
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return npi.matches("\\d{10}") && sum % 10 == 0;
  }

  @Test
  void theCmsExampleIsValid() {
    assertThat(luhn("1234567893")).isTrue();
    assertThat(io.hcp360.standardize.Npi.isValid("1234567893")).isTrue();
    assertThat(Npi.of(123456789)).isEqualTo("1234567893");
  }

  @Test
  void generatedNpisAreValidAndUnique() {
    Identifiers ids = new Identifiers(42);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      String npi = ids.npi();
      assertThat(luhn(npi)).as(npi).isTrue();
      assertThat(seen.add(npi)).as("duplicate " + npi).isTrue();
    }
  }

  @Test
  void aBadCheckDigitFails() {
    Identifiers ids = new Identifiers(7);
    for (int i = 0; i < 1_000; i++) {
      String npi = ids.npi();
      String bad = Npi.withBadCheckDigit(npi, i);
      assertThat(bad).isNotEqualTo(npi).startsWith(npi.substring(0, 9));
      assertThat(luhn(bad)).as(bad).isFalse();
      assertThat(io.hcp360.standardize.Npi.isValid(bad)).as(bad).isFalse();
    }
  }

  @Test
  void malformedValuesAreInvalid() {
    assertThat(io.hcp360.standardize.Npi.isValid("123456789")).isFalse();
    assertThat(io.hcp360.standardize.Npi.isValid("12345678930")).isFalse();
    assertThat(io.hcp360.standardize.Npi.isValid("12345678a3")).isFalse();
    assertThat(io.hcp360.standardize.Npi.isValid(null)).isFalse();
  }
}
