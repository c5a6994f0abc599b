package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void anNpiTypedIdentifierGivesItsNumber() {
    assertThat(Identifiers.npiFromTyped("NPI:1234567893")).isEqualTo("1234567893");
    assertThat(Identifiers.npiFromTyped(" npi : 1234567893 ")).isEqualTo("1234567893");
  }

  @Test
  void otherRegistriesAndUntypedValuesGiveNone() {
    assertThat(Identifiers.npiFromTyped("RPPS:10003456789")).isNull();
    assertThat(Identifiers.npiFromTyped("1234567893")).isNull();
    assertThat(Identifiers.npiFromTyped(":1234567893")).isNull();
    assertThat(Identifiers.npiFromTyped(null)).isNull();
  }
}
