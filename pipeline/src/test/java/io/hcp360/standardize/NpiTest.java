package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NpiTest {

  @ParameterizedTest
  @ValueSource(strings = {"1234567893", "1245319599", "1003000126", "1992999999"})
  void acceptsNpisWithTheirCheckDigit(String npi) {
    assertThat(Npi.isValid(npi)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1234567890", "1234567894", "123456789", "12345678931", "12345678a3", ""})
  void rejectsWrongCheckDigitsLengthsAndCharacters(String npi) {
    assertThat(Npi.isValid(npi)).isFalse();
  }

  @Test
  void everyDigitChangeIsCaught() {
    String valid = "1245319599";
    for (int i = 0; i < 10; i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != valid.charAt(i)) {
          String changed = valid.substring(0, i) + d + valid.substring(i + 1);
          assertThat(Npi.isValid(changed)).as(changed).isFalse();
        }
      }
    }
  }

  @Test
  void nullIsNotValid() {
    assertThat(Npi.isValid(null)).isFalse();
  }
}
