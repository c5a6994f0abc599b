package io.hcp360.standardize;

import io.hcp360.db.CopyBuffer;
import java.util.List;

/**
 * Standardizes staged party rows into {@code hcp.party} rows, remembering its standardizers'
 * answers for values that repeat (names, cities, specialties). Not thread-safe: one per thread;
 * rows give the same output whichever instance writes them.
 */
final class PartyStandardizer {
  private static final int MEMO_CAPACITY = 200_000;
  private static final char SEP = '\u0001';

  private final Memo<String, String> countries = new Memo<>(Countries::iso2, MEMO_CAPACITY);
  private final Memo<String, String> firstNames = new Memo<>(k -> {
    String[] f = k.split("\u0001", -1);
    return FirstNames.standard().standardize(f[0], f[1].isEmpty() ? null : f[1],
        f[2].isEmpty() ? null : f[2]);
  }, MEMO_CAPACITY);
  private final Memo<String, String> keys = new Memo<>(Text::key, MEMO_CAPACITY);
  private final Memo<String, String> lastNames = new Memo<>(Names::lastName, MEMO_CAPACITY);
  private final Memo<String, String> phonetics = new Memo<>(Names::phonetic, MEMO_CAPACITY);
  private final Memo<String, String> cities = new Memo<>(Cities::standardize, MEMO_CAPACITY);
  private final Memo<String, String> specialties = new Memo<>(
      Specialties.standard()::code, MEMO_CAPACITY);
  private final Memo<String, String> phones = new Memo<>(k -> {
    int bar = k.indexOf(SEP);
    return Phones.e164(k.substring(bar + 1), bar == 0 ? null : k.substring(0, bar));
  }, 1_000_000);
  /** A street line's standardized form and house number, as {street, number}. */
  private final Memo<String, String[]> streets = new Memo<>(k -> {
    int bar = k.indexOf(SEP);
    String country = bar == 0 ? null : k.substring(0, bar);
    String line = k.substring(bar + 1);
    return new String[] {Addresses.standard().street(line, country),
        Addresses.standard().houseNumber(line, country)};
  }, MEMO_CAPACITY);
  private final Memo<String, String> postalCodes = new Memo<>(k -> {
    int bar = k.indexOf(SEP);
    return PostalCodes.standardize(k.substring(bar + 1), bar == 0 ? null : k.substring(0, bar));
  }, MEMO_CAPACITY);

  /**
   * Writes one staged row as its {@code hcp.party} row; a specialty that maps to no code is added
   * to {@code unknownSpecialties}.
   */
  void write(CopyBuffer out, int partyId, long runId, StagedParty row,
      List<String> unknownSpecialties) {
    String nationalId = row.get("national_id");
    String rawNpi = row.get("npi");
    String npi = Text.digits(rawNpi != null ? rawNpi : Identifiers.npiFromTyped(nationalId));
    String country = countries.apply(row.get("country"));
    String gender = row.get("gender");
    String firstName = row.get("first_name");
    String lastName = row.get("last_name");
    String middleName = row.get("middle_name");
    boolean middleIsSurname = lastName != null && Names.middleIsSurname(middleName, country);
    String lastStd = lastNames.apply(middleIsSurname ? middleName + " " + lastName
        : lastName);
    String email = Text.email(row.get("email"));
    String firstKey = keys.apply(firstName);
    String firstInitial = initial(firstKey);
    String given = firstKey == null || firstKey.length() == 1
        ? Emails.givenName(email, lastStd, firstInitial) : null;
    String firstForMatching = given != null ? given : firstName;
    String firstStd = firstForMatching == null ? null : firstNames.apply(firstForMatching
        + SEP + (gender == null ? "" : gender) + SEP + (country == null ? "" : country));
    NationalId id = NationalIds.standard().parse(
        nationalId != null ? nationalId : rawNpi != null ? "NPI:" + rawNpi : null, country);
    String specialty = row.get("specialty");
    String specialtyCode = specialties.apply(specialty);
    if (specialtyCode == null && specialty != null && !specialty.isBlank()) {
      unknownSpecialties.add(specialty.strip());
    }
    String phone = row.get("phone");
    String postalCode = row.get("postal_code");
    String line1 = row.get("address_line1");
    String street = line1 != null && !line1.isBlank() ? line1 : row.get("address_line2");
    String[] streetStd = street == null ? new String[2]
        : streets.apply((country == null ? "" : country) + SEP + street);
    out.value(partyId).value(runId)
        .value(row.get("system")).value(row.get("source_id"))
        .value(row.get("title"))
        .value(firstName)
        .value(middleName)
        .value(lastName)
        .value(Names.suffix(row.get("suffix")))
        .value(row.get("credential"))
        .value(specialty)
        .value(npi)
        .value(Boolean.toString(Npi.isValid(npi)))
        .value(nationalId)
        .value(row.get("state_license"))
        .value(row.get("organisation"))
        .value(line1)
        .value(row.get("address_line2"))
        .value(row.get("city"))
        .value(row.get("region"))
        .value(row.get("postal_code"))
        .value(country)
        .value(row.get("phone"))
        .value(email)
        .value(gender)
        .value(row.get("status"))
        .value(row.get("last_modified"))
        .value(row.get("extras"))
        .value(firstKey)
        .value(keys.apply(lastName))
        .value(firstStd)
        .value(firstInitial != null ? firstInitial : initial(firstStd))
        .value(middleIsSurname ? null : initial(keys.apply(middleName)))
        .value(lastStd)
        .value(phonetics.apply(firstStd))
        .value(phonetics.apply(lastStd))
        .value(id == null ? null : id.type())
        .value(id == null ? null : id.value())
        .value(Boolean.toString(id != null && id.valid()))
        .value(phone == null || phone.isBlank() ? null
            : phones.apply((country == null ? "" : country) + SEP + phone))
        .value(Emails.local(email))
        .value(Emails.organisationDomain(email))
        .value(streetStd[0])
        .value(streetStd[1])
        .value(postalCode == null ? null
            : postalCodes.apply((country == null ? "" : country) + SEP + postalCode))
        .value(cities.apply(row.get("city")))
        .value(specialtyCode)
        .value(BirthDates.parse(row.get("date_of_birth")))
        .value(row.get("row_hash"));
    out.endRow();
  }

  private static String initial(String key) {
    return key == null ? null : key.substring(0, 1);
  }
}
