package io.hcp360.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Every standardizer against its golden file: input columns, then the expected output. */
class StandardizersGoldenTest {

  @ParameterizedTest(name = "{0} ({1}, {2}) → {3}")
  @CsvFileSource(resources = "/golden/standardize/first-names.csv", numLinesToSkip = 1)
  void firstNames(String raw, String gender, String country, String expected) {
    assertThat(FirstNames.standard().standardize(raw, gender, country)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/golden/standardize/last-names.csv", numLinesToSkip = 1)
  void lastNames(String raw, String expected) {
    assertThat(Names.lastName(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/golden/standardize/phonetic.csv", numLinesToSkip = 1)
  void phoneticCodes(String name, String expected) {
    assertThat(Names.phonetic(name)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ({1}) → {2}:{3} valid={4}")
  @CsvFileSource(resources = "/golden/standardize/national-ids.csv", numLinesToSkip = 1)
  void nationalIds(String raw, String country, String type, String value, boolean valid) {
    assertThat(NationalIds.standard().parse(raw, country))
        .isEqualTo(new NationalId(type, value, valid));
  }

  @ParameterizedTest(name = "{0} ({1}) → {2}")
  @CsvFileSource(resources = "/golden/standardize/phones.csv", numLinesToSkip = 1)
  void phones(String raw, String country, String expected) {
    assertThat(Phones.e164(raw, country)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/golden/standardize/emails.csv", numLinesToSkip = 1)
  void emailLocalParts(String email, String expected) {
    assertThat(Emails.local(email)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/golden/standardize/email-domains.csv", numLinesToSkip = 1)
  void emailOrganisationDomains(String email, String expected) {
    assertThat(Emails.organisationDomain(email)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ({1}, {2}) → {3}")
  @CsvFileSource(resources = "/golden/standardize/email-given-names.csv", numLinesToSkip = 1)
  void givenNamesFromEmails(String email, String lastName, String initial, String expected) {
    assertThat(Emails.givenName(email, lastName, initial)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ({1}) → {2}")
  @CsvFileSource(resources = "/golden/standardize/middle-surnames.csv", numLinesToSkip = 1)
  void middleNamesThatAreSurnames(String middle, String country, boolean expected) {
    assertThat(Names.middleIsSurname(middle, country)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/golden/standardize/suffixes.csv", numLinesToSkip = 1)
  void suffixes(String raw, String expected) {
    assertThat(Names.suffix(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ({1}) → {2} / {3}")
  @CsvFileSource(resources = "/golden/standardize/addresses.csv", numLinesToSkip = 1)
  void addresses(String raw, String country, String street, String number) {
    assertThat(Addresses.standard().street(raw, country)).isEqualTo(street);
    assertThat(Addresses.standard().houseNumber(raw, country)).isEqualTo(number);
  }

  @ParameterizedTest(name = "{0} ({1}) → {2}")
  @CsvFileSource(resources = "/golden/standardize/postal-codes.csv", numLinesToSkip = 1)
  void postalCodes(String raw, String country, String expected) {
    assertThat(PostalCodes.standardize(raw, country)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/golden/standardize/cities.csv", numLinesToSkip = 1)
  void cities(String raw, String expected) {
    assertThat(Cities.standardize(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvFileSource(resources = "/golden/standardize/specialties.csv", numLinesToSkip = 1)
  void specialties(String raw, String expected) {
    assertThat(Specialties.standard().code(raw)).isEqualTo(expected);
  }
}
